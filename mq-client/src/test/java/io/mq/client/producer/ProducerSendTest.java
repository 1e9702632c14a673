package io.mq.client.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.MqClientException;
import io.mq.client.OurBroker;
import io.mq.client.SendResult;
import io.mq.client.SendStatus;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.remoting.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our producer against our broker: every kind of send lands where it says, with what the official client would put. */
class ProducerSendTest {

    @TempDir
    static Path dir;
    static OurBroker broker;
    static MqProducer producer;

    @BeforeAll
    static void start() {
        broker = OurBroker.start(dir);
        producer = MqProducer.start(broker.clientConfig("send-test"), ProducerConfig.of("send-test-group"));
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void syncSendStoresTagsKeysAndPropertiesUnderTheReportedIds() {
        var message = Message.builder("SyncTopic").tags("TagA").keys("order-1", "user-7").body("hello")
                .property("trace", "abc").flag(3).build();

        var result = producer.send(message);

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.messageQueue().topic()).isEqualTo("SyncTopic");
        assertThat(result.messageQueue().brokerName()).isEqualTo("broker-a");
        var stored = broker.stored(result);
        assertThat(stored.topic()).isEqualTo("SyncTopic");
        assertThat(stored.queueId()).isEqualTo(result.messageQueue().queueId());
        assertThat(stored.queueOffset()).isEqualTo(result.queueOffset());
        assertThat(stored.flag()).isEqualTo(3);
        assertThat(new String(stored.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(stored.properties())
                .containsEntry(MessageProperties.TAGS, "TagA")
                .containsEntry(MessageProperties.KEYS, "order-1 user-7")
                .containsEntry(MessageProperties.UNIQ_KEY, result.msgId())
                .containsEntry("trace", "abc");
        assertThat(result.msgId()).hasSize(32).isNotEqualTo(result.offsetMsgId());
    }

    @Test
    void eachSendGetsItsOwnUniqueIdEvenForTheSameMessage() {
        var message = Message.of("SyncTopic", "x".getBytes(StandardCharsets.UTF_8));

        var first = producer.send(message);
        var second = producer.send(message);

        assertThat(first.msgId()).isNotEqualTo(second.msgId());
        assertThat(broker.stored(second).properties()).containsEntry(MessageProperties.UNIQ_KEY, second.msgId());
    }

    @Test
    void asyncSendsCompleteAndSpreadRoundRobinOverTheQueues() {
        var futures = new ArrayList<CompletableFuture<SendResult>>();
        for (int i = 0; i < 8; i++) {
            futures.add(producer.sendAsync(Message.of("AsyncTopic", "m", "async-" + i)));
        }

        var results = futures.stream().map(CompletableFuture::join).toList();

        assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(SendStatus.SEND_OK));
        assertThat(results.stream().map(r -> r.messageQueue().queueId()).distinct().count()).isEqualTo(4);
        assertThat(results).allSatisfy(r -> assertThat(new String(broker.stored(r).body(), StandardCharsets.UTF_8))
                .startsWith("async-"));
    }

    @Test
    void onewaySendArrivesWithoutAnAnswer() {
        producer.send(Message.of("OnewayTopic", "warm", "route")); // creates the topic, so the count starts known
        await().atMost(Duration.ofSeconds(10)).until(() -> total("OnewayTopic") == 1);

        producer.sendOneway(Message.of("OnewayTopic", "m", "fire and forget"));

        await().atMost(Duration.ofSeconds(10)).until(() -> total("OnewayTopic") == 2);
    }

    @Test
    void batchStoresEveryMessageConsecutivelyInOneQueueWithItsOwnId() {
        var batch = List.of(
                Message.builder("BatchTopic").tags("a").keys("k1").body("one").build(),
                Message.builder("BatchTopic").tags("b").keys("k2").body("two").build(),
                Message.builder("BatchTopic").tags("c").keys("k3").body("three").build());

        var result = producer.send(batch);

        var ids = result.msgId().split(",");
        var offsetIds = result.offsetMsgId().split(",");
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(offsetIds).hasSize(3);
        for (int i = 0; i < 3; i++) {
            var stored = broker.stored(offsetIds[i]);
            assertThat(stored.queueId()).isEqualTo(result.messageQueue().queueId());
            assertThat(stored.queueOffset()).isEqualTo(result.queueOffset() + i);
            assertThat(stored.properties()).containsEntry(MessageProperties.UNIQ_KEY, ids[i])
                    .containsEntry(MessageProperties.KEYS, "k" + (i + 1));
            assertThat(stored.tags()).isEqualTo(List.of("a", "b", "c").get(i));
        }
    }

    @Test
    void batchOfSeveralTopicsIsRefusedBeforeSending() {
        var batch = List.of(Message.of("BatchTopic", "a", "1"), Message.of("OtherTopic", "a", "2"));

        assertThatThrownBy(() -> producer.send(batch))
                .isInstanceOf(MqClientException.class)
                .hasMessageContaining("one topic");
    }

    @Test
    void orderedSendsOfOneKeyShareAQueueAndKeepTheirOrder() {
        var results = IntStream.range(0, 10)
                .mapToObj(i -> producer.sendOrdered(Message.of("OrderTopic", "step", "order-42 step " + i), "order-42"))
                .toList();

        assertThat(results.stream().map(SendResult::messageQueue).distinct()).hasSize(1);
        var queue = results.get(0).messageQueue();
        assertThat(queue.queueId()).isEqualTo("order-42".hashCode() % 4 < 0
                ? Math.abs("order-42".hashCode() % 4) : "order-42".hashCode() % 4);
        assertThat(results.stream().map(SendResult::queueOffset).toList()).isSorted();
    }

    @Test
    void selectorSendGoesToTheChosenQueue() {
        MessageQueueSelector last = (queues, message, arg) -> queues.get(queues.size() - 1);

        var result = producer.send(Message.of("SelectTopic", "t", "x"), last, null);

        assertThat(result.messageQueue().queueId()).isEqualTo(3);
        assertThat(broker.stored(result).queueId()).isEqualTo(3);
    }

    @Test
    void explicitQueueSendGoesThere() {
        producer.send(Message.of("QueueTopic", "t", "create"));

        var result = producer.send(Message.of("QueueTopic", "t", "x"), new MessageQueue("QueueTopic", "broker-a", 2));

        assertThat(broker.stored(result).queueId()).isEqualTo(2);
    }

    @Test
    void bodiesFromTheThresholdOnAreStoredZlibCompressedAndReadBackWhole() {
        var body = new byte[10 * 1024];
        Arrays.fill(body, (byte) 'z');

        var result = producer.send(Message.of("CompressTopic", body));

        var stored = broker.stored(result);
        assertThat(MessageSysFlag.isCompressed(stored.sysFlag())).isTrue();
        assertThat(stored.sysFlag() & MessageSysFlag.COMPRESSION_TYPE_MASK).isEqualTo(3 << 8);
        assertThat(stored.bodyLength()).isLessThan(body.length / 10);
        assertThat(MessageView.of(stored, "broker-a").body()).isEqualTo(body);
    }

    @Test
    void smallBodiesAreNotCompressed() {
        var result = producer.send(Message.of("CompressTopic", new byte[100]));

        assertThat(MessageSysFlag.isCompressed(broker.stored(result).sysFlag())).isFalse();
    }

    @Test
    void delayLevelAndDeliveryTimeTravelAsTheOfficialProperties() {
        var at = Instant.now().plusSeconds(60);

        var delayed = producer.send(Message.builder("DelayTopic").delayLevel(2).body("d").build());
        var timed = producer.send(Message.builder("DelayTopic").deliverAt(at).body("t").build());

        assertThat(broker.stored(delayed).properties()).containsEntry(MessageProperties.DELAY_TIME_LEVEL, "2");
        assertThat(broker.stored(timed).properties())
                .containsEntry(MessageProperties.START_DELIVER_TIME, String.valueOf(at.toEpochMilli()));
    }

    @Test
    void oversizedAndEmptyBodiesAndBadTopicsAreRefusedBeforeSending() {
        var small = MqProducer.start(broker.clientConfig("send-test"),
                ProducerConfig.of("small-group").withMaxMessageSize(1024).withCompressThreshold(1 << 20));
        try {
            assertThatThrownBy(() -> small.send(Message.of("SyncTopic", new byte[2048])))
                    .isInstanceOf(MqClientException.class)
                    .hasMessageContaining("over the maximum of 1024")
                    .extracting(e -> ((MqClientException) e).responseCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
            assertThatThrownBy(() -> small.send(Message.of("SyncTopic", new byte[0])))
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> small.send(Message.of("bad topic!", new byte[1])))
                    .hasMessageContaining("not valid");
        } finally {
            small.close();
        }
    }

    @Test
    void publishQueuesOfAnAutoCreatedTopicAreTheDefaultFour() {
        producer.send(Message.of("QueuesTopic", "t", "x"));

        assertThat(producer.publishQueues("QueuesTopic"))
                .extracting(MessageQueue::queueId)
                .containsExactly(0, 1, 2, 3);
        assertThat(new HashSet<>(producer.publishQueues("QueuesTopic").stream().map(MessageQueue::brokerName).toList()))
                .containsExactly("broker-a");
    }

    private static long total(String topic) {
        return IntStream.range(0, 8).mapToLong(q -> broker.maxOffset(topic, q)).sum();
    }
}
