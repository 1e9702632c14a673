package io.mq.compat.broadcast;

import static io.mq.compat.order.OfficialClientFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.compat.order.OfficialClientFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BROADCASTING: every consumer of the group receives every message. */
class BroadcastingTest {
    private static final String TOPIC = "broadcast-topic";
    private static final String GROUP = "broadcast-group";
    private static final int MESSAGES = 20;

    @TempDir
    Path dir;

    private OfficialClientFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = OfficialClientFixture.start(dir);
        fixture.createTopic(TOPIC, 4);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private Set<String> broadcastConsumer() throws Exception {
        var received = ConcurrentHashMap.<String>newKeySet();
        var consumer = fixture.consumer(GROUP);
        consumer.setMessageModel(MessageModel.BROADCASTING);
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
        var producer = fixture.producer("broadcast-producer");
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
