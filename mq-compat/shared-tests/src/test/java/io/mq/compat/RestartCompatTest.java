package io.mq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Committed consumer offsets and stored messages survive a graceful broker restart. */
class RestartCompatTest {

    @RegisterExtension
    final CompatBroker mq = CompatBroker.create();

    @Test
    void aConsumerGroupResumesAfterARestartWhereItStopped() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("restart"), 4);
        var group = CompatBroker.unique("restart-group");
        var producer = mq.producer();
        var before = send(producer, topic, "before", 20);
        var firstRun = new Received();
        var consumer = mq.pushConsumer(group, topic, "*", firstRun);
        firstRun.awaitIds(before);

        // Shutting down persists the consumer's offsets to the broker (UPDATE_CONSUMER_OFFSET).
        consumer.shutdown();
        var offsets = mq.broker().broker().runtime().offsets();
        await("offsets of " + group + " committed").atMost(CompatBroker.DELIVERY_TIMEOUT)
                .until(() -> offsets.queueOffsets(group, topic).values().stream().mapToLong(Long::longValue).sum() == 20);
        var after = send(producer, topic, "after", 20);

        mq.restartBroker();

        var secondRun = new Received();
        mq.pushConsumer(group, topic, "*", secondRun);
        secondRun.awaitIds(after);
        secondRun.assertDeliveredExactly(20);
        assertThat(secondRun.ids()).doesNotContainAnyElementsOf(before);

        var everything = new Received();
        mq.pushConsumer(CompatBroker.unique("restart-fresh"), topic, "*", everything);
        var all = new ArrayList<>(before);
        all.addAll(after);
        everything.awaitIds(all);
        everything.assertDeliveredExactly(40);
    }

    private static List<String> send(DefaultMQProducer producer, String topic, String prefix, int count)
            throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var message = new Message(topic, "T", prefix + "-" + i, (prefix + i).getBytes(StandardCharsets.UTF_8));
            ids.add(producer.send(message).getMsgId());
        }
        return ids;
    }
}
