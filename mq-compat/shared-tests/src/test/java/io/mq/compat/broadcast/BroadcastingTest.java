package io.mq.compat.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.compat.CompatBroker;
import io.mq.compat.OfficialClient;
import io.mq.compat.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    private Received broadcastConsumer() {
        var received = new Received();
        mq.pushConsumer(GROUP, TOPIC, "*", received, OfficialClient::consumeBroadcasting);
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

        await().atMost(WAIT).until(() -> first.count() == MESSAGES && second.count() == MESSAGES);
        assertThat(first.bodies()).isEqualTo(expected);
        assertThat(second.bodies()).isEqualTo(expected);
    }
}
