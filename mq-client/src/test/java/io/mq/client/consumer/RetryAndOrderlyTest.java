package io.mq.client.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.remoting.RequestCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries through the broker (send-back, retry topic, dead-letter queue) and orderly consumption with queue locks. */
class RetryAndOrderlyTest {

    @TempDir
    static Path dir;
    static ConsumerFixture fx;

    @BeforeAll
    static void start() {
        fx = ConsumerFixture.start(dir, BrokerFeatures.shortDelayLevels());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void reconsumeLaterTwiceThenSuccessSeesReconsumeTimesZeroOneTwo() {
        assumeSendBack();
        var topic = fx.topic("Retry", 2);
        fx.producer.send(Message.builder(topic).tags("t").keys("key-1").property("p", "v").body("retry-me").build());
        List<MessageView> deliveries = new CopyOnWriteArrayList<>();
        try (var ignored = MqPushConsumer.builder(fx.client("retry"), fx.group("retry").build())
                .subscribe(topic, "*").listener((messages, context) -> {
                    deliveries.addAll(messages);
                    return deliveries.size() < 3 ? ConsumeResult.RECONSUME_LATER : ConsumeResult.CONSUME_SUCCESS;
                }).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.size() >= 3);
        }
        assertThat(deliveries).extracting(MessageView::reconsumeTimes).containsExactly(0, 1, 2);
        assertThat(deliveries).allSatisfy(m -> {
            assertThat(m.topic()).isEqualTo(topic);
            assertThat(m.bodyAsString()).isEqualTo("retry-me");
            assertThat(m.keys()).containsExactly("key-1");
            assertThat(m.property("p")).isEqualTo("v");
        });
    }

    @Test
    void alwaysFailingMessageEndsInTheDeadLetterQueueAfterMaxReconsumeTimes() {
        assumeSendBack();
        var topic = fx.topic("Dead", 1);
        fx.producer.send(Message.of(topic, "t", "poison"));
        var config = fx.group("dead").maxReconsumeTimes(1).build();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        try (var ignored = MqPushConsumer.builder(fx.client("dead"), config).subscribe(topic, "*")
                .listener((messages, context) -> {
                    messages.forEach(m -> attempts.add(m.reconsumeTimes()));
                    return ConsumeResult.RECONSUME_LATER;
                }).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> fx.broker.maxOffset("%DLQ%" + config.group(), 0) >= 1);
        }
        assertThat(attempts).containsExactly(0, 1);
    }

    @Test
    void orderlyConsumersOfOneGroupSeeEachKeyInSendOrder() {
        assumeLocks();
        var topic = fx.topic("Orderly", 4);
        var config = fx.group("orderly").build();
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        OrderlyListener listener = (messages, context) -> {
            for (var m : messages) {
                var parts = m.bodyAsString().split(":");
                seen.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(parts[1]));
            }
            return OrderlyResult.SUCCESS;
        };
        try (var a = MqPushConsumer.builder(fx.client("orderly-a"), config).subscribe(topic, "*")
                .orderlyListener(listener).start();
             var b = MqPushConsumer.builder(fx.client("orderly-b"), config).subscribe(topic, "*")
                     .orderlyListener(listener).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                var qa = queuesOf(a, topic);
                var qb = queuesOf(b, topic);
                var all = new HashSet<>(qa);
                all.addAll(qb);
                return qa.size() == 2 && qb.size() == 2 && all.size() == 4;
            });
            for (int i = 0; i < 10; i++) {
                for (int k = 0; k < 6; k++) {
                    fx.producer.sendOrdered(Message.of(topic, "t", "key" + k + ":" + i), "key" + k);
                }
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> seen.values().stream().mapToInt(List::size).sum() >= 60);
        }
        assertThat(seen).hasSize(6);
        seen.forEach((key, order) -> assertThat(order).as(key).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void orderlySuspendRetriesTheSameMessageBeforeTheNextOne() {
        assumeLocks();
        var topic = fx.topic("Suspend", 1);
        for (int i = 0; i < 5; i++) {
            fx.producer.send(Message.of(topic, "t", "m" + i));
        }
        var config = fx.group("suspend").suspendCurrentQueueTime(Duration.ofMillis(100)).build();
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Integer> retries = new CopyOnWriteArrayList<>();
        try (var ignored = MqPushConsumer.builder(fx.client("suspend"), config).subscribe(topic, "*")
                .orderlyListener((messages, context) -> {
                    var m = messages.get(0);
                    seen.add(m.bodyAsString());
                    if (m.bodyAsString().equals("m2") && m.reconsumeTimes() < 2) {
                        return OrderlyResult.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                    }
                    if (m.bodyAsString().equals("m2")) {
                        retries.add(m.reconsumeTimes());
                    }
                    return OrderlyResult.SUCCESS;
                }).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> seen.contains("m4"));
        }
        assertThat(seen).containsExactly("m0", "m1", "m2", "m2", "m2", "m3", "m4");
        assertThat(retries).containsExactly(2);
    }

    @Test
    void orderlyMessagePastMaxReconsumeTimesGoesToTheDeadLetterQueueAndTheQueueMovesOn() {
        assumeLocks();
        assumeSendBack();
        var topic = fx.topic("OrderlyDead", 1);
        fx.producer.send(Message.of(topic, "t", "poison"));
        fx.producer.send(Message.of(topic, "t", "next"));
        var config = fx.group("orderly-dead").maxReconsumeTimes(1)
                .suspendCurrentQueueTime(Duration.ofMillis(100)).build();
        List<String> seen = new CopyOnWriteArrayList<>();
        try (var ignored = MqPushConsumer.builder(fx.client("orderly-dead"), config).subscribe(topic, "*")
                .orderlyListener((messages, context) -> {
                    seen.add(messages.get(0).bodyAsString());
                    return messages.get(0).bodyAsString().equals("poison")
                            ? OrderlyResult.SUSPEND_CURRENT_QUEUE_A_MOMENT : OrderlyResult.SUCCESS;
                }).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> seen.contains("next"));
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.broker.maxOffset("%DLQ%" + config.group(), 0) >= 1);
        }
        assertThat(seen).containsExactly("poison", "poison", "next");
    }

    private static List<MessageQueue> queuesOf(MqPushConsumer consumer, String topic) {
        return new ArrayList<>(consumer.assignedQueues().stream().filter(q -> q.topic().equals(topic)).toList());
    }

    private static void assumeSendBack() {
        assumeThat(BrokerFeatures.supports(fx.broker.brokerAddress(), RequestCode.CONSUMER_SEND_MSG_BACK))
                .as("the broker on this branch has no CONSUMER_SEND_MSG_BACK yet (branch h-sched)").isTrue();
        assumeThat(BrokerFeatures.hasDelayLevelSetting())
                .as("BrokerConfig has no withMessageDelayLevel yet (branch h-sched); default levels are too slow")
                .isTrue();
    }

    private static void assumeLocks() {
        assumeThat(BrokerFeatures.supports(fx.broker.brokerAddress(), RequestCode.LOCK_BATCH_MQ))
                .as("the broker on this branch has no LOCK_BATCH_MQ yet (branch h-order)").isTrue();
    }
}
