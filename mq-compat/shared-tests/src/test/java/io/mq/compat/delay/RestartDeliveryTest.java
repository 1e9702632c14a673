package io.mq.compat.delay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.compat.CompatBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Delayed and retry messages waiting when the broker restarts are each delivered exactly once afterwards. */
class RestartDeliveryTest {

    /** Every level waits three seconds: long enough to restart the broker while messages still wait. */
    @RegisterExtension
    final CompatBroker mq = CompatBroker.withDelayLevels("3s 3s 3s 3s 3s 3s 3s 3s");

    @Test
    void pendingDelayedAndRetryMessagesAreDeliveredOnceAfterARestart() throws Exception {
        mq.createTopic("invoices", 1);
        mq.createRetryTopic("invoicing");
        List<String> deliveries = new CopyOnWriteArrayList<>();
        MessageListenerConcurrently failFirstTime = (messages, context) -> {
            var m = messages.get(0);
            String body = new String(m.getBody(), StandardCharsets.UTF_8);
            deliveries.add(body + "#" + m.getReconsumeTimes());
            return "fail-once".equals(body) && m.getReconsumeTimes() == 0
                    ? ConsumeConcurrentlyStatus.RECONSUME_LATER : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
        var before = mq.pushConsumer("invoicing", "invoices", "*", failFirstTime, c -> c.setConsumeMessageBatchMaxSize(1));
        var producer = mq.producer();
        producer.send(new Message("invoices", "fail-once".getBytes(StandardCharsets.UTF_8)));
        var delayed = new Message("invoices", "delayed".getBytes(StandardCharsets.UTF_8));
        delayed.setDelayTimeLevel(1);
        producer.send(delayed);
        var store = mq.broker().broker().runtime().store();
        // The failed message was handed back and now waits at level 3, the delayed one at level 1.
        await().atMost(Duration.ofSeconds(10)).until(() -> store.maxOffset("SCHEDULE_TOPIC_XXXX", 2) == 1);
        assertThat(deliveries).containsExactly("fail-once#0");
        // The consumer leaves first (committing its offsets): a pull held at the moment the broker stops would
        // otherwise stall the client until its own pull timeout (about 30 s), whatever the broker.
        before.shutdown();

        mq.restartBroker();
        mq.pushConsumer("invoicing", "invoices", "*", failFirstTime, c -> c.setConsumeMessageBatchMaxSize(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.size() >= 3);
        // Later messages of the same queue are barriers: once they are in, the earlier ones were settled.
        var barrier = new Message("invoices", "barrier".getBytes(StandardCharsets.UTF_8));
        barrier.setDelayTimeLevel(1);
        producer.send(barrier);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.contains("barrier#0"));
        assertThat(deliveries).containsExactlyInAnyOrder("fail-once#0", "delayed#0", "fail-once#1", "barrier#0");
    }
}
