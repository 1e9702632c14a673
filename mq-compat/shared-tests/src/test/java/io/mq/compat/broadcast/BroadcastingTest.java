package io.mq.compat.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.compat.CompatBroker;
import io.mq.compat.OfficialClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** BROADCASTING: every consumer of the group receives every message. */
class BroadcastingTest {
    private static final String TOPIC = "broadcast-topic";
    private static final String GROUP = "broadcast-group";
    private static final int MESSAGES = 20;

    /** Consumers join, rebalance and pull on a loaded machine; a miss still fails in a minute. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final CompatBroker mq = CompatBroker.create();

    @BeforeEach
    void createTopic() {
        mq.createTopic(TOPIC, 4);
    }

    private Set<String> broadcastConsumer() throws Exception {
        var received = ConcurrentHashMap.<String>newKeySet();
        var consumer = mq.newPushConsumer(GROUP);
        OfficialClient.consumeBroadcasting(consumer);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return received;
    }

    @Test
    void eachOfTwoConsumersReceivesEveryMessage() throws Exception {
        var first = broadcastConsumer();
        var second = broadcastConsumer();
        var producer = mq.producer();
        var expected = IntStream.range(0, MESSAGES).mapToObj(i -> "message-" + i)
                .collect(Collectors.toCollection(TreeSet::new));
        for (var body : expected) {
            producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
        }

        await().atMost(WAIT).until(() -> first.size() == MESSAGES && second.size() == MESSAGES);
        assertThat(first).isEqualTo(expected);
        assertThat(second).isEqualTo(expected);
    }
}
