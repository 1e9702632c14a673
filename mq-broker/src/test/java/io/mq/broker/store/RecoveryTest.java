package io.mq.broker.store;

import static io.mq.broker.store.StoreFixture.append;
import static io.mq.broker.store.StoreFixture.awaitDispatched;
import static io.mq.broker.store.StoreFixture.body;
import static io.mq.broker.store.StoreFixture.config;
import static io.mq.broker.store.StoreFixture.decode;
import static io.mq.broker.store.StoreFixture.draft;
import static io.mq.broker.store.StoreFixture.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.protocol.message.MessageCodec;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    @TempDir
    Path root;

    private DefaultMessageStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.shutdown();
        }
    }

    private List<AppendResult> appendMany(String topic, int queues, int perQueue) {
        var results = new ArrayList<AppendResult>();
        for (int i = 0; i < perQueue; i++) {
            for (int q = 0; q < queues; q++) {
                results.add(append(store, draft(topic, q, topic + "-" + q + "-" + i, "Tag" + (i % 3))));
            }
        }
        return results;
    }

    private List<String> bodies(String topic, int queueId) {
        var result = store.getMessages("g", topic, queueId, store.minOffset(topic, queueId), 10_000, Integer.MAX_VALUE,
                MessageFilter.ALL);
        return result.messages().stream().map(m -> body(decode(m))).toList();
    }

    private static List<String> expected(String topic, int queueId, int count) {
        var bodies = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            bodies.add(topic + "-" + queueId + "-" + i);
        }
        return bodies;
    }

    @Test
    void cleanRestartKeepsEverythingAndQueueOffsetsContinue() {
        var config = config(root).withCommitLogSegmentSize(16 * 1024);
        store = started(config);
        assertThat(root.resolve("abort")).exists();
        appendMany("Clean", 3, 100);
        long end = store.commitLogMaxOffset();
        store.shutdown();
        assertThat(root.resolve("abort")).doesNotExist();

        store = started(config);

        assertThat(store.commitLogMaxOffset()).isEqualTo(end);
        for (int q = 0; q < 3; q++) {
            assertThat(store.maxOffset("Clean", q)).isEqualTo(100);
            assertThat(bodies("Clean", q)).isEqualTo(expected("Clean", q, 100));
        }
        var next = append(store, draft("Clean", 1, "Clean-1-100"));
        assertThat(next.queueOffset()).isEqualTo(100);
        assertThat(next.physicalOffset()).isGreaterThanOrEqualTo(end);
        awaitDispatched(store);
        assertThat(bodies("Clean", 1)).isEqualTo(expected("Clean", 1, 101));
    }

    @Test
    void crashKeepsEveryAcknowledgedMessageEvenBeforeAnyCheckpoint() {
        // The checkpoint interval is an hour: recovery has to walk the whole log and rebuild the queues.
        var config = config(root).withCommitLogSegmentSize(16 * 1024).withFlushInterval(Duration.ofHours(1))
                .withFlushDiskType(FlushDiskType.SYNC_FLUSH);
        store = started(config);
        appendMany("Crash", 2, 150);
        store.halt();
        assertThat(root.resolve("abort")).exists();

        store = started(config);

        for (int q = 0; q < 2; q++) {
            assertThat(bodies("Crash", q)).isEqualTo(expected("Crash", q, 150));
        }
        assertThat(append(store, draft("Crash", 0, "Crash-0-150")).queueOffset()).isEqualTo(150);
    }

    @Test
    void crashAfterCheckpointsRecoversFromTheCheckpointSegment() {
        var config = config(root).withCommitLogSegmentSize(16 * 1024);
        store = started(config);
        appendMany("Cp", 2, 100);
        awaitDispatched(store);
        long end = store.commitLogMaxOffset();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                new Checkpoint(root).load().flushedOffset() == end);
        appendMany("Cp2", 1, 20); // after the checkpoint: must be re-dispatched
        store.halt();

        store = started(config);

        assertThat(bodies("Cp", 0)).isEqualTo(expected("Cp", 0, 100));
        assertThat(bodies("Cp", 1)).isEqualTo(expected("Cp", 1, 100));
        assertThat(bodies("Cp2", 0)).isEqualTo(expected("Cp2", 0, 20));
    }

    @Test
    void tornTailIsCutAndNewAppendsContinueAtTheCut() throws Exception {
        var config = config(root);
        store = started(config);
        var results = appendMany("Torn", 1, 10);
        var last = results.get(9);
        store.halt();
        // The last message loses its second half, as if the process died mid-write; garbage follows it.
        var segment = config.commitLogDir().resolve("00000000000000000000");
        overwrite(segment, last.physicalOffset() + last.size() / 2, new byte[last.size() / 2]);
        overwrite(segment, last.physicalOffset() + last.size(), "garbage after the tail".getBytes());

        store = started(config);

        assertThat(store.commitLogMaxOffset()).isEqualTo(last.physicalOffset());
        assertThat(bodies("Torn", 0)).isEqualTo(expected("Torn", 0, 9));
        var next = append(store, draft("Torn", 0, "Torn-0-9"));
        assertThat(next.physicalOffset()).isEqualTo(last.physicalOffset());
        assertThat(next.queueOffset()).isEqualTo(9);
        awaitDispatched(store);
        assertThat(bodies("Torn", 0)).isEqualTo(expected("Torn", 0, 10));
    }

    @Test
    void aCorruptedBodyIsDetectedByItsCrcAndEndsTheValidLog() throws Exception {
        var config = config(root);
        store = started(config);
        var results = appendMany("Crc", 1, 5);
        store.halt();
        var third = results.get(2);
        // Change the first byte of the third message's body: everything else about the record stays valid.
        int bodyPosition = MessageCodec.storeTimestampPosition(0) + 8 + 8 + 4 + 8 + 4;
        overwrite(config.commitLogDir().resolve("00000000000000000000"), third.physicalOffset() + bodyPosition,
                new byte[] {'X'});

        store = started(config);

        assertThat(store.commitLogMaxOffset()).isEqualTo(third.physicalOffset());
        assertThat(bodies("Crc", 0)).isEqualTo(expected("Crc", 0, 2));
    }

    @Test
    void consumeQueueEntriesBeyondTheCommitLogAreDropped() throws Exception {
        var config = config(root);
        store = started(config);
        var results = appendMany("Ahead", 1, 10);
        store.shutdown();
        // The commit log lost its last four messages (zeroed on disk), the consume queue still has their entries;
        // the abort marker says the stop was not clean.
        var cut = results.get(6);
        int lost = (int) (results.get(9).physicalOffset() + results.get(9).size() - cut.physicalOffset());
        overwrite(config.commitLogDir().resolve("00000000000000000000"), cut.physicalOffset(), new byte[lost]);
        Files.createFile(root.resolve("abort"));

        store = started(config);

        assertThat(store.maxOffset("Ahead", 0)).isEqualTo(6);
        assertThat(bodies("Ahead", 0)).isEqualTo(expected("Ahead", 0, 6));
        assertThat(append(store, draft("Ahead", 0, "Ahead-0-6")).queueOffset()).isEqualTo(6);
    }

    @Test
    void aLostConsumeQueueTailIsRebuiltFromTheCommitLog() throws Exception {
        var config = config(root);
        store = started(config);
        appendMany("Lost", 1, 10);
        store.shutdown();
        // The consume queue lost its last three entries (zeroed); the checkpoint is older than them.
        overwrite(config.consumeQueueDir().resolve("Lost/0/00000000000000000000"), 7 * ConsumeQueueEntry.SIZE,
                new byte[3 * ConsumeQueueEntry.SIZE]);
        new Checkpoint(root).save(new Checkpoint.State(0, 0));
        Files.createFile(root.resolve("abort"));

        store = started(config);

        assertThat(bodies("Lost", 0)).isEqualTo(expected("Lost", 0, 10));
    }

    private static void overwrite(Path file, long position, byte[] bytes) throws Exception {
        try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), position);
        }
    }
}
