package io.mq.client.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.consumer.ConsumeResult;
import io.mq.client.consumer.MqPushConsumer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Redelivery through the broker (send-back, retry topic, dead-letter queue) and delay levels. Both brokers run with
 * every delay level at one second, so a retry (level 3 + reconsume times) and a level-1 delay take a second.
 */
abstract class RetryAndDelayScenarios {

    private final ScenarioFixture fx;

    RetryAndDelayScenarios(ScenarioFixture fx) {
        this.fx = fx;
    }

    @Test
    void reconsumeLaterRedeliversTheSameMessageUntilItSucceeds() {
        var topic = fx.topic("Retry", 2);
        var sent = fx.producer.send(Message.builder(topic).tags("t").keys("key-1").property("p", "v")
                .body("retry-me").build());
        List<MessageView> deliveries = new CopyOnWriteArrayList<>();
        try (var ignored = MqPushConsumer.builder(fx.client("retry"), fx.group("retry").build())
                .subscribe(topic, "*").listener((messages, context) -> {
                    deliveries.addAll(messages);
                    return deliveries.size() < 3 ? ConsumeResult.RECONSUME_LATER : ConsumeResult.CONSUME_SUCCESS;
                }).start()) {
            await().atMost(Duration.ofSeconds(40)).until(() -> deliveries.size() >= 3);
            // Success ends it: no fourth delivery.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> deliveries.size() == 3);
        }
        assertThat(deliveries).extracting(MessageView::reconsumeTimes).containsExactly(0, 1, 2);
        assertThat(deliveries).allSatisfy(m -> {
            assertThat(m.msgId()).isEqualTo(sent.msgId());
            assertThat(m.topic()).isEqualTo(topic);
            assertThat(m.bodyAsString()).isEqualTo("retry-me");
            assertThat(m.tags()).isEqualTo("t");
            assertThat(m.keys()).containsExactly("key-1");
            assertThat(m.property("p")).isEqualTo("v");
        });
    }

    @Test
    void aMessageThatKeepsFailingGoesToTheDeadLetterQueueAfterMaxReconsumeTimes() {
        var topic = fx.topic("Dead", 1);
        var sent = fx.producer.send(Message.builder(topic).tags("t").keys("poison-key").body("poison").build());
        var config = fx.group("dead").maxReconsumeTimes(1).build();
        var dlq = "%DLQ%" + config.group();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        try (var ignored = MqPushConsumer.builder(fx.client("dead"), config).subscribe(topic, "*")
                .listener((messages, context) -> {
                    messages.forEach(m -> attempts.add(m.reconsumeTimes()));
                    return ConsumeResult.RECONSUME_LATER;
                }).start()) {
            await().atMost(Duration.ofSeconds(40)).ignoreExceptions().until(() -> fx.maxOffset(dlq, 0) >= 1);
        }
        assertThat(attempts).containsExactly(0, 1);
        assertThat(fx.maxOffset(dlq, 0)).isEqualTo(1);
        // The index is built a moment after the store; the dead-letter topic's route may be new to the name server.
        var dead = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> fx.admin.queryMessageByUniqueKey(dlq, sent.msgId()), found -> !found.isEmpty());
        assertThat(dead).allSatisfy(m -> {
            assertThat(m.bodyAsString()).isEqualTo("poison");
            assertThat(m.keys()).contains("poison-key");
        });
    }

    @Test
    void aLevelOneDelayedMessageArrivesAfterItsDelayAndNeverEarly() {
        var topic = fx.topic("Delay", 1);
        var recorder = new Recorder();
        try (var ignored = MqPushConsumer.builder(fx.client("delay"), fx.group("delay").build())
                .subscribe(topic, "*").listener(recorder).start()) {
            long before = System.currentTimeMillis();
            var sent = fx.producer.send(Message.builder(topic).tags("d").keys("delayed").property("p", "v")
                    .delayLevel(1).body("later").build());
            var now = fx.producer.send(Message.of(topic, "n", "now"));

            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.arrivedAtMillis.containsKey(sent.msgId()));
            // The undelayed one, sent after it, came first.
            assertThat(recorder.arrivedAtMillis.get(now.msgId())).isNotNull()
                    .isLessThanOrEqualTo(recorder.arrivedAtMillis.get(sent.msgId()));
            assertThat(recorder.arrivedAtMillis.get(sent.msgId()) - before).as("ms from send to delivery")
                    .isGreaterThanOrEqualTo(1_000);
            var delayed = recorder.received.stream().filter(m -> m.msgId().equals(sent.msgId())).toList();
            assertThat(delayed).hasSize(1).allSatisfy(m -> {
                assertThat(m.topic()).isEqualTo(topic);
                assertThat(m.queueId()).isZero();
                assertThat(m.tags()).isEqualTo("d");
                assertThat(m.keys()).containsExactly("delayed");
                assertThat(m.property("p")).isEqualTo("v");
                assertThat(m.bodyAsString()).isEqualTo("later");
                assertThat(m.storeTimestamp() - m.bornTimestamp()).as("stored in its topic a second after birth")
                        .isGreaterThanOrEqualTo(1_000);
            });
        }
    }
}
