package io.mq.compat.delay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.compat.CompatBroker;
import io.mq.compat.OfficialClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official client sends delayed messages (setDelayTimeLevel) and timed ones (5.x setDeliverTimeMs, or the
 * TIMER_DELIVER_MS property a 4.x user puts by hand); they arrive once, never before their time.
 */
class DelayedDeliveryTest {

    private static final Logger log = LoggerFactory.getLogger(DelayedDeliveryTest.class);

    /** A message as the consumer saw it, and when. */
    record Received(MessageExt message, long at) {
        String body() {
            return new String(message.getBody(), StandardCharsets.UTF_8);
        }
    }

    /** RocketMQ's default table: level 2 is five seconds. Timed messages do not use it. */
    @RegisterExtension
    final CompatBroker mq = CompatBroker.withDelayLevels("1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h");

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final MessageListenerConcurrently recorder = (messages, context) -> {
        long now = System.currentTimeMillis();
        messages.forEach(m -> received.add(new Received(m, now)));
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    };

    private void consume(String topic) {
        mq.createTopic(topic, 1);
        mq.pushConsumer("delay-reader", topic, "*", recorder, c -> { });
    }

    @Test
    void delayLevelTwoArrivesNoEarlierThanFiveSecondsAfterTheSend() throws Exception {
        consume("reminders");
        var producer = mq.producer();
        var message = new Message("reminders", "level-2", "remind me".getBytes(StandardCharsets.UTF_8));
        message.setDelayTimeLevel(2);

        long sentAt = System.currentTimeMillis();
        var result = producer.send(message);

        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1);
        var got = received.get(0);
        assertThat(got.body()).isEqualTo("remind me");
        assertThat(got.message().getMsgId()).isEqualTo(result.getMsgId());
        assertThat(got.message().getProperty("DELAY")).isNull();
        assertThat(got.message().getStoreTimestamp() - sentAt).isGreaterThanOrEqualTo(5000);
        assertThat(got.at() - sentAt).isGreaterThanOrEqualTo(5000);
        log.info("delay level 2 (5 s): re-put {} ms after the send, consumed {} ms after it",
                got.message().getStoreTimestamp() - sentAt, got.at() - sentAt);
    }

    @Test
    void aTimerMessageIsNeverConsumedBeforeItsTime() throws Exception {
        consume("alarms");
        var producer = mq.producer();
        var message = new Message("alarms", "timer", "wake up".getBytes(StandardCharsets.UTF_8));
        long deliverAt = System.currentTimeMillis() + 3000;
        OfficialClient.deliverAt(message, deliverAt);

        producer.send(message);

        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1);
        var got = received.get(0);
        assertThat(got.body()).isEqualTo("wake up");
        assertThat(got.message().getStoreTimestamp()).isGreaterThanOrEqualTo(deliverAt);
        assertThat(got.at()).isGreaterThanOrEqualTo(deliverAt);
        log.info("timer at now+3 s: re-put {} ms late, consumed {} ms late",
                got.message().getStoreTimestamp() - deliverAt, got.at() - deliverAt);
    }
}
