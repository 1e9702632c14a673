package io.mq.client.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.client.MessageView;
import io.mq.client.consumer.pull.MqLitePullConsumer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lite pull consumer against our broker: assign, poll, seek, commit, subscribe. */
class LitePullConsumerTest {

    @TempDir
    static Path dir;
    static ConsumerFixture fx;

    @BeforeAll
    static void start() {
        fx = ConsumerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void assignedQueuePollsSeeksAndCommits() {
        var topic = fx.topic("LiteAssign", 1);
        fx.send(topic, 10);
        var config = fx.group("lite-assign").build();
        try (var consumer = MqLitePullConsumer.start(fx.client("lite-assign"), config, false)) {
            var queue = consumer.fetchQueues(topic).get(0);
            consumer.assign(List.of(queue));
            var first = pollUntil(consumer, 10);
            assertThat(first).extracting(MessageView::bodyAsString)
                    .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
            assertThat(consumer.committed(queue)).isEqualTo(-1);
            consumer.commit();
            assertThat(consumer.committed(queue)).isEqualTo(10);

            consumer.seek(queue, 7);
            var again = pollUntil(consumer, 3);
            assertThat(again).extracting(MessageView::bodyAsString).containsExactly("m7", "m8", "m9");
            assertThat(consumer.poll(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void committedOffsetIsWhereTheNextConsumerOfTheGroupStarts() {
        var topic = fx.topic("LiteRestart", 1);
        fx.send(topic, 6);
        var config = fx.group("lite-restart").build();
        try (var consumer = MqLitePullConsumer.start(fx.client("lite-restart"), config, false)) {
            consumer.assign(consumer.fetchQueues(topic));
            assertThat(pollUntil(consumer, 6)).hasSize(6);
            consumer.seek(consumer.fetchQueues(topic).get(0), 4);
            consumer.commit();
        }
        try (var consumer = MqLitePullConsumer.start(fx.client("lite-restart"), config)) {
            consumer.assign(consumer.fetchQueues(topic));
            assertThat(pollUntil(consumer, 2)).extracting(MessageView::bodyAsString).containsExactly("m4", "m5");
        }
    }

    @Test
    void subscribedConsumerGetsEveryQueueOfTheTopicAndAutoCommits() {
        var topic = fx.topic("LiteSubscribe", 3);
        fx.send(topic, 12);
        var config = fx.group("lite-subscribe").persistInterval(Duration.ofMillis(100)).build();
        try (var consumer = MqLitePullConsumer.start(fx.client("lite-subscribe"), config)) {
            consumer.subscribe(topic, "*");
            assertThat(consumer.assignment()).hasSize(3);
            assertThat(pollUntil(consumer, 12)).extracting(MessageView::bodyAsString).doesNotHaveDuplicates();
            await().atMost(Duration.ofSeconds(5)).until(() -> consumer.assignment().stream()
                    .mapToLong(consumer::committed).sum() == 12);
        }
    }

    private static List<MessageView> pollUntil(MqLitePullConsumer consumer, int count) {
        var all = new ArrayList<MessageView>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            all.addAll(consumer.poll(Duration.ofMillis(200)));
            return all.size() >= count;
        });
        return all;
    }
}
