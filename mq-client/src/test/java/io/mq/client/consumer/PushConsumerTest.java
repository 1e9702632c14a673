package io.mq.client.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.consumer.ConsumerFixture.Recorder;
import io.mq.protocol.body.MessageQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our push consumer against our broker: delivery, sharing a group, broadcasting, filters, start positions. */
class PushConsumerTest {

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
    void deliversEveryMessageOnceWithBodyTagsKeysAndProperties() {
        var topic = fx.topic("Deliver", 4);
        for (int i = 0; i < 20; i++) {
            fx.producer.send(Message.builder(topic).tags("T" + (i % 3)).keys("k" + i, "order-" + i)
                    .property("n", String.valueOf(i)).body("m" + i).build());
        }
        var recorder = new Recorder();
        try (var consumer = MqPushConsumer.builder(fx.client("deliver"), fx.group("deliver").build())
                .subscribe(topic, "*").listener(recorder).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> recorder.received.size() >= 20);
            // Every offset committed: nothing is left to come again.
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.offsets().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic)).mapToLong(e -> e.getValue()).sum() == 20);
        }
        assertThat(recorder.bodies()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 20).mapToObj(i -> "m" + i).toList());
        for (var m : recorder.received) {
            int i = Integer.parseInt(m.bodyAsString().substring(1));
            assertThat(m.topic()).isEqualTo(topic);
            assertThat(m.tags()).isEqualTo("T" + (i % 3));
            assertThat(m.keys()).containsExactly("k" + i, "order-" + i);
            assertThat(m.property("n")).isEqualTo(String.valueOf(i));
            assertThat(m.reconsumeTimes()).isZero();
            assertThat(m.msgId()).isNotBlank().isNotEqualTo(m.offsetMsgId());
            assertThat(m.storeTimestamp()).isGreaterThanOrEqualTo(m.bornTimestamp() - 1000);
        }
    }

    @Test
    void twoConsumersOfAGroupSplitTheQueuesAndTogetherGetEverythingOnce() {
        var topic = fx.topic("Split", 4);
        var config = fx.group("split").build();
        var first = new Recorder();
        var second = new Recorder();
        try (var a = MqPushConsumer.builder(fx.client("split-a"), config).subscribe(topic, "*").listener(first)
                .start();
             var b = MqPushConsumer.builder(fx.client("split-b"), config).subscribe(topic, "*").listener(second)
                     .start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> topicQueues(a, topic).size() == 2
                    && topicQueues(b, topic).size() == 2);
            var all = new HashSet<>(topicQueues(a, topic));
            all.addAll(topicQueues(b, topic));
            assertThat(all).hasSize(4);
            fx.send(topic, 40);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> first.received.size() + second.received.size() >= 40);
        }
        var together = new java.util.ArrayList<>(first.bodies());
        together.addAll(second.bodies());
        assertThat(together).doesNotHaveDuplicates().hasSize(40);
        assertThat(first.received).isNotEmpty();
        assertThat(second.received).isNotEmpty();
    }

    @Test
    void broadcastingGivesEveryMemberEveryMessage() {
        var topic = fx.topic("Broadcast", 2);
        var config = fx.group("broadcast").broadcasting().build();
        var first = new Recorder();
        var second = new Recorder();
        try (var a = MqPushConsumer.builder(fx.client("bc-a"), config).subscribe(topic, "*").listener(first).start();
             var b = MqPushConsumer.builder(fx.client("bc-b"), config).subscribe(topic, "*").listener(second)
                     .start()) {
            assertThat(topicQueues(a, topic)).hasSize(2);
            assertThat(topicQueues(b, topic)).hasSize(2);
            fx.send(topic, 10);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> first.received.size() >= 10 && second.received.size() >= 10);
        }
        assertThat(first.bodies()).hasSize(10).doesNotHaveDuplicates();
        assertThat(second.bodies()).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void tagExpressionDeliversOnlyTheNamedTags() {
        var topic = fx.topic("Tags", 2);
        for (var tag : List.of("a", "b", "c", "a", "c", "b")) {
            fx.producer.send(Message.of(topic, tag, tag));
        }
        fx.producer.send(Message.of(topic, "end", "end"));
        var recorder = new Recorder();
        try (var ignored = MqPushConsumer.builder(fx.client("tags"), fx.group("tags").build())
                .subscribe(topic, "a || end").listener(recorder).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> recorder.bodies().contains("end"));
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.received.size() >= 3);
        }
        assertThat(recorder.received).extracting(MessageView::tags).containsExactlyInAnyOrder("a", "a", "end");
    }

    @Test
    void sqlSelectorDeliversOnlyMatchingProperties() {
        var topic = fx.topic("Sql", 2);
        for (int i = 0; i < 10; i++) {
            fx.producer.send(Message.builder(topic).tags("t").property("n", String.valueOf(i))
                    .property("region", i % 2 == 0 ? "eu" : "us").body("m" + i).build());
        }
        var recorder = new Recorder();
        try (var ignored = MqPushConsumer.builder(fx.client("sql"), fx.group("sql").build())
                .subscribe(topic, MessageSelector.sql("n >= 5 AND region = 'eu'")).listener(recorder).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> recorder.received.size() >= 2);
        }
        assertThat(recorder.bodies()).containsExactlyInAnyOrder("m6", "m8");
    }

    @Test
    void consumeFromTimestampSkipsWhatWasStoredBefore() {
        var topic = fx.topic("Timestamp", 1);
        fx.send(topic, 5);
        long boundary = System.currentTimeMillis() + 2;
        await().until(() -> System.currentTimeMillis() > boundary + 2);
        for (int i = 0; i < 3; i++) {
            fx.producer.send(Message.of(topic, "t", "late" + i));
        }
        var recorder = new Recorder();
        try (var ignored = MqPushConsumer.builder(fx.client("ts"), fx.group("ts")
                        .consumeFromTimestamp(java.time.Instant.ofEpochMilli(boundary)).build())
                .subscribe(topic, "*").listener(recorder).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> recorder.received.size() >= 3);
        }
        assertThat(recorder.bodies()).containsExactlyInAnyOrder("late0", "late1", "late2");
    }

    @Test
    void consumeFromFirstReadsWhatWasStoredAndLastOnlyWhatCameAfterTheStart() {
        var topic = fx.topic("FirstLast", 1);
        fx.send(topic, 4);
        var first = new Recorder();
        var last = new Recorder();
        try (var a = MqPushConsumer.builder(fx.client("first"), fx.group("first").build())
                .subscribe(topic, "*").listener(first).start();
             var b = MqPushConsumer.builder(fx.client("last"), fx.group("last").consumeFrom(ConsumeFrom.LAST_OFFSET)
                     .build()).subscribe(topic, "*").listener(last).start()) {
            fx.producer.send(Message.of(topic, "t", "new"));
            await().atMost(Duration.ofSeconds(15)).until(() -> first.received.size() >= 5 && !last.received.isEmpty());
        }
        assertThat(first.bodies()).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "new");
        assertThat(last.bodies()).containsExactly("new");
    }

    @Test
    void committedOffsetsSurviveAConsumerRestart() {
        var topic = fx.topic("Restart", 2);
        var config = fx.group("restart").build();
        fx.send(topic, 10);
        var before = new Recorder();
        try (var ignored = MqPushConsumer.builder(fx.client("restart"), config).subscribe(topic, "*")
                .listener(before).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> before.received.size() >= 10);
        }
        for (int i = 0; i < 5; i++) {
            fx.producer.send(Message.of(topic, "t", "after" + i));
        }
        var after = new Recorder();
        try (var ignored = MqPushConsumer.builder(fx.client("restart"), config).subscribe(topic, "*")
                .listener(after).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> after.received.size() >= 5);
        }
        assertThat(before.bodies()).hasSize(10).doesNotHaveDuplicates();
        assertThat(after.bodies()).containsExactlyInAnyOrder("after0", "after1", "after2", "after3", "after4");
    }

    @Test
    void broadcastingOffsetsSurviveARestartInTheLocalFile() {
        var topic = fx.topic("BroadcastRestart", 1);
        var config = fx.group("bc-restart").broadcasting().build();
        fx.send(topic, 3);
        var before = new Recorder();
        try (var ignored = MqPushConsumer.builder(fx.client("bc-restart"), config).subscribe(topic, "*")
                .listener(before).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> before.received.size() >= 3);
        }
        fx.producer.send(Message.of(topic, "t", "after"));
        var after = new Recorder();
        try (var ignored = MqPushConsumer.builder(fx.client("bc-restart"), config).subscribe(topic, "*")
                .listener(after).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> after.received.size() >= 1);
        }
        assertThat(after.bodies()).containsExactly("after");
    }

    @Test
    void anOperatorsOffsetResetMakesTheLiveConsumerReadAgain() {
        var topic = fx.topic("Reset", 2);
        var config = fx.group("reset").build();
        fx.send(topic, 6);
        var recorder = new Recorder();
        try (var consumer = MqPushConsumer.builder(fx.client("reset"), config).subscribe(topic, "*")
                .listener(recorder).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> recorder.received.size() >= 6);
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.admin.consumeStats(config.group(), topic)
                    .offsetTable().values().stream().mapToLong(o -> o.consumerOffset()).sum() == 6);
            fx.admin.resetOffsetByTime(config.group(), topic, 0, true);
            await().atMost(Duration.ofSeconds(15)).until(() -> recorder.received.size() >= 12);
            assertThat(consumer.assignedQueues()).filteredOn(q -> q.topic().equals(topic)).hasSize(2);
        }
        assertThat(recorder.counts.values()).allMatch(c -> c.get() == 2);
    }

    @Test
    void closeStopsEveryThreadTheConsumerStarted() {
        var topic = fx.topic("Threads", 2);
        var group = fx.group("threads").build();
        fx.send(topic, 3);
        var recorder = new Recorder();
        var consumer = MqPushConsumer.builder(fx.client("threads"), group).subscribe(topic, "*").listener(recorder)
                .start();
        await().atMost(Duration.ofSeconds(15)).until(() -> recorder.received.size() >= 3);
        assertThat(threadsNamed(group.group())).isNotEmpty();
        consumer.close();
        assertThat(consumer.client().isClosed()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> threadsNamed(group.group()).isEmpty());
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("mq-client-"))
                .allMatch(Thread::isDaemon);
    }

    private static List<Thread> threadsNamed(String part) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().contains(part)).toList();
    }

    private static List<MessageQueue> topicQueues(MqPushConsumer consumer, String topic) {
        return consumer.assignedQueues().stream().filter(q -> q.topic().equals(topic)).toList();
    }
}
