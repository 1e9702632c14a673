package io.mq.client.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.consumer.MessageSelector;
import io.mq.client.consumer.MqPushConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Push consumers: a clustering group shares the work, broadcasting gives all to all, tag and SQL92 filters. */
abstract class ConsumeScenarios {

    private final ScenarioFixture fx;

    ConsumeScenarios(ScenarioFixture fx) {
        this.fx = fx;
    }

    @Test
    void twoMembersOfAClusteringGroupTogetherGetEveryMessageOnce() {
        var topic = fx.topic("Clustering", 4);
        var config = fx.group("clustering").build();
        var first = new Recorder();
        var second = new Recorder();
        try (var a = MqPushConsumer.builder(fx.client("cl-a"), config).subscribe(topic, "*").listener(first).start();
             var b = MqPushConsumer.builder(fx.client("cl-b"), config).subscribe(topic, "*").listener(second)
                     .start()) {
            // Wait until the group has settled on 2 + 2 queues, so both members take part.
            await().atMost(Duration.ofSeconds(30)).until(() -> queuesOf(a, topic) == 2 && queuesOf(b, topic) == 2);
            for (int i = 0; i < 40; i++) {
                fx.producer.send(Message.builder(topic).tags("t").keys("k" + i).property("n", "" + i)
                        .body("m" + i).build());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> first.count() + second.count() >= 40);
            // The count holds for a quiet moment: a duplicate would show up now.
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                    .until(() -> first.count() + second.count() == 40);
        }
        var together = new ArrayList<MessageView>(first.received);
        together.addAll(second.received);
        assertThat(together).extracting(MessageView::bodyAsString).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).mapToObj(i -> "m" + i).toList());
        assertThat(first.received).isNotEmpty();
        assertThat(second.received).isNotEmpty();
        assertThat(together).allSatisfy(m -> {
            var i = m.bodyAsString().substring(1);
            assertThat(m.topic()).isEqualTo(topic);
            assertThat(m.tags()).isEqualTo("t");
            assertThat(m.keys()).containsExactly("k" + i);
            assertThat(m.property("n")).isEqualTo(i);
            assertThat(m.reconsumeTimes()).isZero();
        });
    }

    @Test
    void everyMemberOfABroadcastingGroupGetsEveryMessage() {
        var topic = fx.topic("Broadcast", 2);
        var config = fx.group("broadcast").broadcasting().build();
        var first = new Recorder();
        var second = new Recorder();
        try (var a = MqPushConsumer.builder(fx.client("bc-a"), config).subscribe(topic, "*").listener(first).start();
             var b = MqPushConsumer.builder(fx.client("bc-b"), config).subscribe(topic, "*").listener(second)
                     .start()) {
            assertThat(queuesOf(a, topic)).isEqualTo(2);
            assertThat(queuesOf(b, topic)).isEqualTo(2);
            for (int i = 0; i < 10; i++) {
                fx.producer.send(Message.of(topic, "t", "m" + i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> first.count() >= 10 && second.count() >= 10);
        }
        var all = IntStream.range(0, 10).mapToObj(i -> "m" + i).toList();
        assertThat(first.bodies()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(second.bodies()).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void aTagExpressionDeliversOnlyTheNamedTags() {
        var topic = fx.topic("Tags", 2);
        for (var tag : List.of("a", "b", "c", "a", "c", "b")) {
            fx.producer.send(Message.of(topic, tag, tag));
        }
        fx.producer.send(Message.of(topic, "end", "end"));
        var recorder = new Recorder();
        try (var ignored = MqPushConsumer.builder(fx.client("tags"), fx.group("tags").build())
                .subscribe(topic, "a || end").listener(recorder).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.count() >= 3);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> recorder.count() == 3);
        }
        assertThat(recorder.received).extracting(MessageView::tags).containsExactlyInAnyOrder("a", "a", "end");
    }

    @Test
    void anSql92SelectorDeliversOnlyMessagesWhosePropertiesMatch() {
        var topic = fx.topic("Sql", 2);
        for (int i = 0; i < 10; i++) {
            fx.producer.send(Message.builder(topic).tags(i % 3 == 0 ? "x" : "y").property("n", String.valueOf(i))
                    .property("region", i % 2 == 0 ? "eu" : "us").body("m" + i).build());
        }
        var recorder = new Recorder();
        try (var ignored = MqPushConsumer.builder(fx.client("sql"), fx.group("sql").build())
                .subscribe(topic, MessageSelector.sql("n >= 5 AND region = 'eu' OR TAGS = 'x' AND n = 3"))
                .listener(recorder).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.count() >= 3);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> recorder.count() == 3);
        }
        assertThat(recorder.bodies()).containsExactlyInAnyOrder("m3", "m6", "m8");
    }

    private static long queuesOf(MqPushConsumer consumer, String topic) {
        return consumer.assignedQueues().stream().filter(q -> q.topic().equals(topic)).count();
    }
}
