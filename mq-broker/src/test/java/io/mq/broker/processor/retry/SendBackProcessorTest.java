package io.mq.broker.processor.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.processor.send.SendRequests;
import io.mq.broker.store.DefaultMessageStore;
import io.mq.broker.store.MessageFilter;
import io.mq.broker.subscription.SubscriptionGroupDefinition;
import io.mq.broker.topic.Perm;
import io.mq.broker.topic.TopicDefinition;
import io.mq.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.mq.protocol.header.SendMessageRequestHeader;
import io.mq.protocol.header.SendMessageResponseHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageId;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.StoredMessage;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONSUMER_SEND_MSG_BACK and sends to %RETRY% over TCP against an embedded broker with one-second levels. */
class SendBackProcessorTest {

    private static final long TIMEOUT = 5000;

    @TempDir
    Path dir;

    private final NettyRemotingClient client = new NettyRemotingClient();
    private EmbeddedBroker embedded;

    @BeforeEach
    void start() {
        embedded = EmbeddedBroker.start(dir, c -> c.withMessageDelayLevel("1s 1s 1s 1s 1s 1s"), s -> s);
        embedded.broker().runtime().topics().createOrUpdate(TopicDefinition.of("orders", 2, Perm.READ_WRITE));
    }

    @AfterEach
    void stop() {
        client.close();
        embedded.close();
    }

    private DefaultMessageStore store() {
        return (DefaultMessageStore) embedded.broker().runtime().store();
    }

    private RemotingCommand call(RemotingCommand request) {
        return client.invokeSync(embedded.brokerAddress(), request, TIMEOUT);
    }

    /** Sends one message to orders and answers its commit-log offset. */
    private long sendOrder(String body) {
        var properties = new LinkedHashMap<String, String>();
        properties.put(MessageProperties.TAGS, "created");
        properties.put(MessageProperties.UNIQ_KEY, "UNIQ-" + body);
        var response = call(SendRequests.v2(SendRequests.header("orders", 1, properties),
                body.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS);
        return MessageId.decode(SendMessageResponseHeader.from(response).msgId()).commitLogOffset();
    }

    private RemotingCommand sendBack(long offset, String group, int delayLevel, Integer maxReconsumeTimes) {
        return call(RemotingCommand.request(RequestCode.CONSUMER_SEND_MSG_BACK,
                new ConsumerSendMsgBackRequestHeader(offset, group, delayLevel, null, "orders", false,
                        maxReconsumeTimes)));
    }

    private StoredMessage only(String topic) {
        await().atMost(Duration.ofSeconds(10)).until(() -> store().maxOffset(topic, 0) >= 1);
        var result = store().getMessages("t", topic, 0, 0, 10, 1 << 20, MessageFilter.ALL);
        assertThat(result.messages()).hasSize(1);
        return MessageCodec.decode(result.messages().get(0).duplicate(), true);
    }

    private StoredMessage heldAtLevel(int level) {
        await().atMost(Duration.ofSeconds(5)).until(() -> store().maxOffset("SCHEDULE_TOPIC_XXXX", level - 1) >= 1);
        var result = store().getMessages("t", "SCHEDULE_TOPIC_XXXX", level - 1, 0, 1, 1 << 20, MessageFilter.ALL);
        return MessageCodec.decode(result.messages().get(0).duplicate(), true);
    }

    @Test
    void aFailedMessageWaitsItsBackOffThenArrivesInTheRetryTopicWithItsOrigin() {
        long offset = sendOrder("pay-1");

        var response = sendBack(offset, "billing", 0, null);

        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS);
        var held = heldAtLevel(3);
        assertThat(held.properties()).containsEntry(MessageProperties.DELAY_TIME_LEVEL, "3")
                .containsEntry(MessageProperties.REAL_TOPIC, "%RETRY%billing");
        var retry = only("%RETRY%billing");
        var original = store().lookMessageByOffset(offset).orElseThrow();
        assertThat(retry.reconsumeTimes()).isEqualTo(1);
        assertThat(retry.properties()).containsEntry(MessageProperties.RETRY_TOPIC, "orders")
                .containsEntry(MessageProperties.ORIGIN_MESSAGE_ID, original.offsetMsgId())
                .containsEntry(MessageProperties.UNIQ_KEY, "UNIQ-pay-1")
                .containsEntry(MessageProperties.TAGS, "created")
                .doesNotContainKey(MessageProperties.DELAY_TIME_LEVEL);
        assertThat(new String(retry.body(), StandardCharsets.UTF_8)).isEqualTo("pay-1");
        assertThat(retry.storeTimestamp() - held.storeTimestamp()).isGreaterThanOrEqualTo(1000);
        var topic = embedded.broker().runtime().topics().get("%RETRY%billing").orElseThrow();
        assertThat(topic.perm()).isEqualTo(Perm.READ_WRITE);
        assertThat(topic.readQueueNums()).isEqualTo(1);
    }

    @Test
    void theRetryOfARetryKeepsTheFirstOriginAndBacksOffOneLevelMore() {
        long offset = sendOrder("pay-2");
        sendBack(offset, "billing", 0, null);
        var firstRetry = only("%RETRY%billing");

        var response = sendBack(firstRetry.commitLogOffset(), "billing", 0, null);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        await().atMost(Duration.ofSeconds(10)).until(() -> store().maxOffset("%RETRY%billing", 0) == 2);
        var second = MessageCodec.decode(store().getMessages("t", "%RETRY%billing", 0, 1, 1, 1 << 20,
                MessageFilter.ALL).messages().get(0).duplicate(), true);
        var secondHeld = MessageCodec.decode(store().getMessages("t", "SCHEDULE_TOPIC_XXXX", 3, 0, 1, 1 << 20,
                MessageFilter.ALL).messages().get(0).duplicate(), false);
        assertThat(secondHeld.property(MessageProperties.DELAY_TIME_LEVEL)).isEqualTo("4");
        assertThat(second.reconsumeTimes()).isEqualTo(2);
        assertThat(second.property(MessageProperties.ORIGIN_MESSAGE_ID))
                .isEqualTo(firstRetry.property(MessageProperties.ORIGIN_MESSAGE_ID));
        assertThat(second.property(MessageProperties.RETRY_TOPIC)).isEqualTo("orders");
    }

    @Test
    void pastTheGroupsMaximumTheMessageGoesToAReadableDeadLetterQueue() {
        embedded.broker().runtime().subscriptionGroups()
                .createOrUpdate(SubscriptionGroupDefinition.defaults("billing").withRetry(1, 0));
        long offset = sendOrder("pay-3");

        var response = sendBack(offset, "billing", 0, null);

        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS);
        var dead = only("%DLQ%billing");
        assertThat(dead.reconsumeTimes()).isEqualTo(1);
        assertThat(dead.properties()).containsEntry(MessageProperties.DELAY_TIME_LEVEL, "0")
                .containsEntry(MessageProperties.RETRY_TOPIC, "orders");
        var dlq = embedded.broker().runtime().topics().get("%DLQ%billing").orElseThrow();
        assertThat(dlq.perm()).isEqualTo(Perm.READ_WRITE);
        assertThat(dlq.readQueueNums()).isEqualTo(1);
        assertThat(store().maxOffset("SCHEDULE_TOPIC_XXXX", 2)).isZero();
    }

    @Test
    void theHeadersMaximumAndANegativeLevelOverrideTheGroup() {
        long first = sendOrder("pay-4");
        long second = sendOrder("pay-5");

        assertThat(sendBack(first, "billing", 0, 0).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(sendBack(second, "billing", -1, null).code()).isEqualTo(ResponseCode.SUCCESS);

        await().atMost(Duration.ofSeconds(5)).until(() -> store().maxOffset("%DLQ%billing", 0) == 2);
    }

    @Test
    void theGroupsRetryQueueCountShapesTheRetryTopic() {
        embedded.broker().runtime().subscriptionGroups()
                .createOrUpdate(SubscriptionGroupDefinition.defaults("audit").withRetry(3, 16));

        assertThat(sendBack(sendOrder("pay-6"), "audit", 1, null).code()).isEqualTo(ResponseCode.SUCCESS);

        var topic = embedded.broker().runtime().topics().get("%RETRY%audit").orElseThrow();
        assertThat(topic.writeQueueNums()).isEqualTo(3);
    }

    @Test
    void anUnknownOffsetIsASystemError() {
        sendOrder("pay-7");

        var response = sendBack(store().commitLogMaxOffset() + 4096, "billing", 0, null);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("look message by offset failed");
    }

    @Test
    void aClientSendingToTheRetryTopicItselfIsHeldForItsLevelThenDeadLettered() {
        var properties = new LinkedHashMap<String, String>();
        properties.put(MessageProperties.DELAY_TIME_LEVEL, "1");
        properties.put(MessageProperties.RETRY_TOPIC, "orders");
        var header = SendRequests.header("%RETRY%billing", 0, properties);
        var again = new SendMessageRequestHeader(header.producerGroup(), header.topic(), header.defaultTopic(),
                header.defaultTopicQueueNums(), 0, 0, header.bornTimestamp(), 0, header.properties(), 1, false, 2,
                false, null);
        var exhausted = new SendMessageRequestHeader(header.producerGroup(), header.topic(), header.defaultTopic(),
                header.defaultTopicQueueNums(), 0, 0, header.bornTimestamp(), 0, header.properties(), 2, false, 2,
                false, null);

        assertThat(call(SendRequests.v2(again, "again".getBytes(StandardCharsets.UTF_8))).code())
                .isEqualTo(ResponseCode.SUCCESS);
        assertThat(call(SendRequests.v2(exhausted, "dead".getBytes(StandardCharsets.UTF_8))).code())
                .isEqualTo(ResponseCode.SUCCESS);

        assertThat(store().maxOffset("%RETRY%billing", 0)).isZero();
        var retried = only("%RETRY%billing");
        assertThat(retried.reconsumeTimes()).isEqualTo(1);
        var dead = only("%DLQ%billing");
        assertThat(dead.property(MessageProperties.DELAY_TIME_LEVEL)).isEqualTo("0");
        assertThat(embedded.broker().runtime().topics().get("%DLQ%billing").orElseThrow().perm())
                .isEqualTo(Perm.READ_WRITE);
    }

    @Test
    void allDelayOffsetsAnswerTheProgressOfEachLevel() {
        long offset = sendOrder("pay-8");
        sendBack(offset, "billing", 1, null);
        only("%RETRY%billing");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var response = call(RemotingCommand.request(RequestCode.GET_ALL_DELAY_OFFSET, null));
            assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"1\":1").contains("\"6\":0");
        });
    }

    @Test
    void delayedAndRetryMessagesPendingAtARestartAreDeliveredOnce() {
        long offset = sendOrder("pay-9");
        var delayed = new LinkedHashMap<String, String>();
        delayed.put(MessageProperties.DELAY_TIME_LEVEL, "2");
        delayed.put(MessageProperties.UNIQ_KEY, "UNIQ-delayed");
        assertThat(call(SendRequests.v2(SendRequests.header("orders", 0, delayed), new byte[] {1})).code())
                .isEqualTo(ResponseCode.SUCCESS);
        assertThat(sendBack(offset, "billing", 0, null).code()).isEqualTo(ResponseCode.SUCCESS);

        embedded.restartBroker();

        // Later messages of the same schedule queues are barriers: once they are out, the earlier ones were settled.
        assertThat(call(SendRequests.v2(SendRequests.header("orders", 0, Map.of(MessageProperties.DELAY_TIME_LEVEL,
                "2")), new byte[] {2})).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(sendBack(sendOrder("pay-10"), "billing", 0, null).code()).isEqualTo(ResponseCode.SUCCESS);
        await().atMost(Duration.ofSeconds(10)).until(() -> store().maxOffset("orders", 0) >= 2
                && store().maxOffset("%RETRY%billing", 0) >= 2);
        assertThat(store().maxOffset("orders", 0)).isEqualTo(2);
        assertThat(store().maxOffset("%RETRY%billing", 0)).isEqualTo(2);
    }
}
