package io.mq.compat.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.compat.CompatBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A listener answering RECONSUME_LATER: the broker retries with back-off, then dead-letters the message. */
class RetryAndDeadLetterTest {

    /** Every retry level waits one second, so a message goes through its retries within a test's patience. */
    @RegisterExtension
    final CompatBroker mq = CompatBroker.withDelayLevels("1s 1s 1s 1s 1s 1s 1s 1s 1s 1s");

    @Test
    void twoFailuresThenSuccessMeanThreeDeliveriesWithGrowingReconsumeTimes() throws Exception {
        mq.createTopic("payments", 1);
        mq.createRetryTopic("payers");
        List<MessageExt> deliveries = new CopyOnWriteArrayList<>();
        mq.pushConsumer("payers", "payments", "*", (messages, context) -> {
            deliveries.addAll(messages);
            return messages.get(0).getReconsumeTimes() < 2
                    ? ConsumeConcurrentlyStatus.RECONSUME_LATER : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        }, c -> c.setConsumeMessageBatchMaxSize(1));

        var sent = mq.producer().send(new Message("payments", "charge", "pay 10".getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.size() >= 3);
        assertThat(deliveries).extracting(MessageExt::getReconsumeTimes).containsExactly(0, 1, 2);
        assertThat(deliveries).allSatisfy(m -> {
            assertThat(m.getTopic()).isEqualTo("payments");
            assertThat(m.getMsgId()).isEqualTo(sent.getMsgId());
            assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo("pay 10");
            assertThat(m.getTags()).isEqualTo("charge");
        });
        assertThat(deliveries.get(2).getStoreTimestamp() - deliveries.get(1).getStoreTimestamp())
                .as("each retry waits its one-second level").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aMessageThatAlwaysFailsEndsInTheDeadLetterQueueReadableByAConsumer() throws Exception {
        mq.createTopic("refunds", 1);
        mq.createRetryTopic("refunders");
        List<MessageExt> deliveries = new CopyOnWriteArrayList<>();
        mq.pushConsumer("refunders", "refunds", "*", (messages, context) -> {
            deliveries.addAll(messages);
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }, c -> {
            c.setMaxReconsumeTimes(1);
            c.setConsumeMessageBatchMaxSize(1);
        });

        var sent = mq.producer().send(new Message("refunds", "refund 7".getBytes(StandardCharsets.UTF_8)));

        var store = mq.broker().broker().runtime().store();
        await().atMost(Duration.ofSeconds(20)).until(() -> store.maxOffset("%DLQ%refunders", 0) == 1);
        assertThat(deliveries).extracting(MessageExt::getReconsumeTimes).containsExactly(0, 1);
        mq.awaitRoute("%DLQ%refunders");
        List<MessageExt> dead = new CopyOnWriteArrayList<>();
        mq.pushConsumer("operator", "%DLQ%refunders", "*", (messages, context) -> {
            dead.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        }, c -> { });

        await().atMost(Duration.ofSeconds(20)).until(() -> dead.size() == 1);
        var letter = dead.get(0);
        assertThat(new String(letter.getBody(), StandardCharsets.UTF_8)).isEqualTo("refund 7");
        assertThat(letter.getMsgId()).isEqualTo(sent.getMsgId());
        assertThat(letter.getProperty("RETRY_TOPIC")).isEqualTo("refunds");
        assertThat(letter.getReconsumeTimes()).isEqualTo(2);
    }
}
