package io.mq.compat.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.compat.CompatBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What operators do with the official admin client: find messages by key and id, watch lag, rewind a group. */
class LookupAndResetTest {
    private static final String TOPIC = "lookup-topic";

    /** Consumers join, rebalance and pull on a loaded machine; a miss still fails in a minute. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final CompatBroker mq = CompatBroker.create();

    @BeforeEach
    void createTopic() {
        mq.createTopic(TOPIC, 4);
    }

    private static String body(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void messagesAreFoundByKeyAndViewedByOffsetIdAndUniqueId() throws Exception {
        var producer = mq.producer();
        long begin = System.currentTimeMillis() - 60_000;
        producer.send(new Message(TOPIC, "TagA", "order-41", "other".getBytes(StandardCharsets.UTF_8)));
        SendResult sent = producer.send(new Message(TOPIC, "TagA", "order-42 customer-7",
                "the order".getBytes(StandardCharsets.UTF_8)));
        var admin = mq.admin();

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(admin.queryMessage(TOPIC, "order-42", 32, begin, Long.MAX_VALUE).getMessageList())
                        .singleElement().satisfies(m -> assertThat(body(m)).isEqualTo("the order")));
        assertThat(admin.queryMessage(TOPIC, "customer-7", 32, begin, Long.MAX_VALUE).getMessageList())
                .extracting(LookupAndResetTest::body).containsExactly("the order");
        assertThat(body(admin.viewMessage(TOPIC, sent.getOffsetMsgId()))).isEqualTo("the order");
        var byUniqueId = admin.viewMessage(TOPIC, sent.getMsgId());
        assertThat(body(byUniqueId)).isEqualTo("the order");
        assertThat(byUniqueId.getKeys()).isEqualTo("order-42 customer-7");
    }

    @Test
    void lagGoesToZeroAndAResetByTimestampRedeliversToTheLiveConsumer() throws Exception {
        var group = "lookup-group";
        var producer = mq.producer();
        long beforeFirst = System.currentTimeMillis() - 1;
        for (int i = 0; i < 5; i++) {
            producer.send(new Message(TOPIC, ("message-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        var consumer = mq.newPushConsumer(group);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> deliveries.computeIfAbsent(body(m), b -> new AtomicInteger()).incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        var admin = mq.admin();
        await().atMost(WAIT).until(() -> deliveries.size() == 5);
        await().atMost(WAIT).ignoreExceptions().until(() -> admin.examineConsumeStats(group).computeTotalDiff() == 0
                && admin.examineConsumeStats(group).getOffsetTable().values().stream()
                .mapToLong(o -> o.getConsumerOffset()).sum() == 5);

        var reset = admin.resetOffsetByTimestamp(TOPIC, group, beforeFirst, true);

        assertThat(reset.values().stream().mapToLong(Long::longValue).sum()).isZero();
        await().atMost(WAIT).until(() -> deliveries.values().stream().allMatch(count -> count.get() >= 2));
        assertThat(deliveries).hasSize(5);
    }
}
