package io.mq.broker.processor.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.store.DefaultMessageStore;
import io.mq.broker.store.FlushDiskType;
import io.mq.broker.topic.Perm;
import io.mq.broker.topic.TopicDefinition;
import io.mq.protocol.header.SendMessageRequestHeader;
import io.mq.protocol.header.SendMessageResponseHeader;
import io.mq.protocol.message.MessageId;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.StoredMessage;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendMessageProcessorTest {

    private static final long TIMEOUT = 5_000;

    @TempDir
    Path dir;

    private final NettyRemotingClient client = new NettyRemotingClient();
    private EmbeddedBroker embedded;

    @AfterEach
    void stop() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    private void start() {
        embedded = EmbeddedBroker.start(dir);
    }

    private void start(UnaryOperator<io.mq.broker.BrokerConfig> broker, UnaryOperator<io.mq.broker.store.StoreConfig> store) {
        embedded = EmbeddedBroker.start(dir, broker, store);
    }

    private RemotingCommand send(RemotingCommand request) {
        return client.invokeSync(embedded.brokerAddress(), request, TIMEOUT);
    }

    private DefaultMessageStore store() {
        return (DefaultMessageStore) embedded.broker().runtime().store();
    }

    private StoredMessage stored(String msgId) {
        return store().lookMessageByOffset(MessageId.decode(msgId).commitLogOffset()).orElseThrow();
    }

    private void createTopic(String name, int queues, int perm) {
        embedded.broker().runtime().topics().createOrUpdate(TopicDefinition.of(name, queues, perm));
    }

    @Test
    void v2SendAnswersIdsAndOffsetsAndStoresEverythingTheProducerSent() {
        start();
        createTopic("orders", 4, Perm.READ_WRITE);
        var properties = new LinkedHashMap<String, String>();
        properties.put(MessageProperties.TAGS, "created");
        properties.put(MessageProperties.KEYS, "order-1 order-2");
        properties.put(MessageProperties.UNIQ_KEY, "7F0000010001000000000000000000AB");
        properties.put("customer", "alice");
        var header = SendRequests.header("orders", 2, properties);

        var response = send(SendRequests.v2(header, "hello".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS);
        var answer = SendMessageResponseHeader.from(response);
        assertThat(answer.queueId()).isEqualTo(2);
        assertThat(answer.queueOffset()).isZero();
        assertThat(answer.transactionId()).isEqualTo("7F0000010001000000000000000000AB");
        var message = stored(answer.msgId());
        assertThat(message.topic()).isEqualTo("orders");
        assertThat(message.queueId()).isEqualTo(2);
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(message.tags()).isEqualTo("created");
        assertThat(message.keys()).isEqualTo("order-1 order-2");
        assertThat(message.property("customer")).isEqualTo("alice");
        assertThat(message.property(MessageProperties.CLUSTER)).isEqualTo("DefaultCluster");
        assertThat(message.bornTimestamp()).isEqualTo(header.bornTimestamp());
        assertThat(message.bornHost().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(message.offsetMsgId()).isEqualTo(answer.msgId());
        assertThat(response.ext(MessageProperties.MSG_REGION)).isEqualTo("DefaultRegion");
    }

    @Test
    void longHeaderSendIsStoredToo() {
        start();
        createTopic("orders", 4, Perm.READ_WRITE);
        var header = SendRequests.header("orders", 1, Map.of(MessageProperties.TAGS, "v1"));

        var response = send(SendRequests.v1(header, "old client".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS);
        var message = stored(SendMessageResponseHeader.from(response).msgId());
        assertThat(message.tags()).isEqualTo("v1");
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("old client");
    }

    @Test
    void sendsToOneQueueGetConsecutiveQueueOffsetsAndTheDefaultWaitIsNotStored() {
        start();
        createTopic("orders", 1, Perm.READ_WRITE);

        var first = SendMessageResponseHeader.from(send(SendRequests.text("orders", 0, "a", "one")));
        var second = SendMessageResponseHeader.from(send(SendRequests.text("orders", 0, "a", "two")));

        assertThat(second.queueOffset()).isEqualTo(first.queueOffset() + 1);
        assertThat(stored(second.msgId()).properties()).doesNotContainKey(MessageProperties.WAIT_STORE_MSG_OK);
        await().atMost(Duration.ofSeconds(5)).until(() -> store().maxOffset("orders", 0) == 2);
    }

    @Test
    void negativeQueueIdLetsTheBrokerChooseAWriteQueue() {
        start();
        createTopic("orders", 3, Perm.READ_WRITE);

        var response = send(SendRequests.text("orders", -1, "a", "anywhere"));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(SendMessageResponseHeader.from(response).queueId()).isBetween(0, 2);
    }

    @Test
    void batchStoresEveryMessageInOrderAndAnswersTheirIdsCommaJoined() {
        start();
        createTopic("orders", 2, Perm.READ_WRITE);
        var items = List.of(
                SendRequests.item("first", Map.of(MessageProperties.TAGS, "t1", MessageProperties.KEYS, "k1")),
                SendRequests.item("second", Map.of(MessageProperties.TAGS, "t2")),
                SendRequests.item("third", Map.of(MessageProperties.TAGS, "t3", "p", "v")));

        var response = send(SendRequests.batch("orders", 1, items));

        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS);
        var answer = SendMessageResponseHeader.from(response);
        assertThat(answer.queueId()).isEqualTo(1);
        assertThat(answer.queueOffset()).isZero();
        var ids = answer.msgId().split(",");
        assertThat(ids).hasSize(3);
        var messages = Arrays.stream(ids).map(this::stored).toList();
        assertThat(messages).extracting(m -> new String(m.body(), StandardCharsets.UTF_8))
                .containsExactly("first", "second", "third");
        assertThat(messages).extracting(StoredMessage::queueOffset).containsExactly(0L, 1L, 2L);
        assertThat(messages).extracting(StoredMessage::tags).containsExactly("t1", "t2", "t3");
        assertThat(messages.get(0).keys()).isEqualTo("k1");
        assertThat(messages.get(2).property("p")).isEqualTo("v");
        assertThat(messages).allSatisfy(m -> assertThat(m.queueId()).isEqualTo(1));
    }

    @Test
    void malformedBatchBodyIsMessageIllegalAndNothingIsStored() {
        start();
        createTopic("orders", 1, Perm.READ_WRITE);
        long before = store().commitLogMaxOffset();
        var request = SendRequests.batch("orders", 0, List.of(SendRequests.item("x", Map.of())));
        request.body(Arrays.copyOf(request.body(), request.body().length - 3));

        var response = send(request);

        assertThat(response.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(response.remark()).contains("batch", "malformed");
        assertThat(store().commitLogMaxOffset()).isEqualTo(before);
    }

    @Test
    void transactionalBatchIsRefused() {
        start();
        createTopic("orders", 1, Perm.READ_WRITE);
        var request = SendRequests.batch("orders", 0, List.of(SendRequests.item("x", Map.of())));
        request.putExt("f", String.valueOf(io.mq.protocol.message.MessageSysFlag.TRANSACTION_PREPARED_TYPE));

        var response = send(request);

        assertThat(response.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(response.remark()).contains("transaction");
    }

    @Test
    void syncFlushAnswersOnlyOnceAnFsyncCoversTheMessage() {
        start(b -> b, s -> s.withFlushDiskType(FlushDiskType.SYNC_FLUSH));
        createTopic("orders", 1, Perm.READ_WRITE);

        for (int i = 0; i < 5; i++) {
            var response = send(SendRequests.text("orders", 0, "durable", "message " + i));

            assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS);
            var message = stored(SendMessageResponseHeader.from(response).msgId());
            // Read right after the answer: the flushed offset must already cover the whole message.
            assertThat(store().commitLogFlushedOffset())
                    .isGreaterThanOrEqualTo(message.commitLogOffset() + message.storeSize());
        }
    }

    @Test
    void unknownTopicIsAutoCreatedFromTheDefaultTopicAndPublishedToTheNameServer() {
        start();

        var response = send(SendRequests.text("fresh-topic", 0, "a", "first ever"));

        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS);
        var created = embedded.broker().runtime().topics().get("fresh-topic").orElseThrow();
        assertThat(created.writeQueueNums()).isEqualTo(4); // the header's defaultTopicQueueNums
        await().atMost(Duration.ofSeconds(5))
                .until(() -> embedded.nameServer().registry().route("fresh-topic").isPresent());
        var route = embedded.nameServer().registry().route("fresh-topic").orElseThrow();
        assertThat(route.queueDatas()).singleElement().satisfies(q -> assertThat(q.writeQueueNums()).isEqualTo(4));
        assertThat(route.brokerDatas().get(0).masterAddr()).isEqualTo(embedded.brokerAddress());
    }

    @Test
    void unknownTopicWithAutoCreateOffIsTopicNotExist() {
        start(b -> b.withAutoCreateTopic(false), s -> s);

        var response = send(SendRequests.text("missing", 0, "a", "nobody home"));

        assertThat(response.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(response.remark()).startsWith("topic[missing] not exist, apply first please!");
        assertThat(embedded.broker().runtime().topics().contains("missing")).isFalse();
    }

    @Test
    void bodyOverTheLimitIsMessageIllegalBeforeTheStoreIsTouched() {
        start(b -> b.withLimits(1024, 64 * 1024), s -> s);
        createTopic("orders", 1, Perm.READ_WRITE);
        long before = store().commitLogMaxOffset();
        var header = SendRequests.header("orders", 0, Map.of());

        var response = send(SendRequests.v2(header, new byte[1025]));

        assertThat(response.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(response.remark()).isEqualTo("the message body size 1025 is over the max size 1024");
        assertThat(store().commitLogMaxOffset()).isEqualTo(before);
        assertThat(send(SendRequests.v2(header, new byte[1024])).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void queueIdBeyondTheTopicsQueuesIsSystemErrorNamingTheQueueAndTheLimit() {
        start();
        createTopic("orders", 4, Perm.READ_WRITE);

        var response = send(SendRequests.text("orders", 4, "a", "nowhere"));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("queueId[4] is illegal", "must be below 4");
    }

    @Test
    void illegalTopicNameIsMessageIllegalNamingTheRule() {
        start();

        var response = send(SendRequests.text("bad topic", 0, "a", "x"));

        assertThat(response.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(response.remark()).contains("illegal character ' '", "^[%|a-zA-Z0-9_-]+$");
    }

    @Test
    void sendToAReservedSystemTopicIsNoPermission() {
        start();

        var response = send(SendRequests.text("SCHEDULE_TOPIC_XXXX", 0, "a", "sneaky"));

        assertThat(response.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(response.remark()).contains("SCHEDULE_TOPIC_XXXX", "forbidden");
    }

    @Test
    void sendToAReadOnlyTopicIsNoPermission() {
        start();
        createTopic("archive", 1, Perm.READ);

        var response = send(SendRequests.text("archive", 0, "a", "late"));

        assertThat(response.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(response.remark()).contains("archive", "R--");
    }

    @Test
    void oneWaySendIsStoredWithoutAnAnswer() {
        start();
        createTopic("logs", 1, Perm.READ_WRITE);

        client.invokeOneway(embedded.brokerAddress(), SendRequests.text("logs", 0, "a", "fire and forget"));

        await().atMost(Duration.ofSeconds(5)).until(() -> store().maxOffset("logs", 0) == 1);
    }

    @Test
    void retrySendStaysInTheRetryTopicUntilTheMaximumThenGoesToTheDeadLetterQueue() {
        start();
        var header = SendRequests.header("%RETRY%billing", 0, Map.of(MessageProperties.TAGS, "r"));
        var early = new SendMessageRequestHeader(header.producerGroup(), header.topic(), header.defaultTopic(),
                header.defaultTopicQueueNums(), 0, 0, header.bornTimestamp(), 0, header.properties(), 1, false, 3,
                false, null);
        var exhausted = new SendMessageRequestHeader(header.producerGroup(), header.topic(), header.defaultTopic(),
                header.defaultTopicQueueNums(), 0, 0, header.bornTimestamp(), 0, header.properties(), 3, false, 3,
                false, null);

        var retried = send(SendRequests.v2(early, "again".getBytes(StandardCharsets.UTF_8)));
        var dead = send(SendRequests.v2(exhausted, "give up".getBytes(StandardCharsets.UTF_8)));

        assertThat(retried.code()).as(retried.remark()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(stored(SendMessageResponseHeader.from(retried).msgId()).topic()).isEqualTo("%RETRY%billing");
        assertThat(dead.code()).as(dead.remark()).isEqualTo(ResponseCode.SUCCESS);
        var deadMessage = stored(SendMessageResponseHeader.from(dead).msgId());
        assertThat(deadMessage.topic()).isEqualTo("%DLQ%billing");
        assertThat(deadMessage.reconsumeTimes()).isEqualTo(3);
    }
}
