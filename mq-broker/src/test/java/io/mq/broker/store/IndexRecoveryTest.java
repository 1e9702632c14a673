package io.mq.broker.store;

import static io.mq.broker.store.StoreFixture.append;
import static io.mq.broker.store.StoreFixture.awaitDispatched;
import static io.mq.broker.store.StoreFixture.config;
import static io.mq.broker.store.StoreFixture.draft;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.message.MessageProperties;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key index as part of the store: fed by the dispatcher, kept within the commit log by recovery. */
class IndexRecoveryTest {
    @TempDir
    Path root;

    private DefaultMessageStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.shutdown();
        }
    }

    private List<AppendResult> appendMany(int count) {
        var results = new ArrayList<AppendResult>();
        for (int i = 0; i < count; i++) {
            results.add(append(store, draft("Idx", 0, "m" + i)));
        }
        return results;
    }

    /** Offsets the index names for the key of message {@code i} (StoreFixture keys each as "key-" + body). */
    private List<Long> hits(int i) {
        return store.queryIndex("Idx", "key-m" + i, 32, 0, Long.MAX_VALUE).commitLogOffsets();
    }

    @Test
    void everyStoredMessageIsFoundByItsKeyAndUniqueId() {
        store = StoreFixture.started(config(root));
        var first = appendMany(3);
        var draft = draft("Idx", 1, "with-id");
        var withId = draft.withProperty(MessageProperties.UNIQ_KEY, "AC11000100002A9F0000000000000001");
        var stored = append(store, withId);
        awaitDispatched(store);

        assertThat(hits(1)).containsExactly(first.get(1).physicalOffset());
        assertThat(store.queryIndex("Idx", "AC11000100002A9F0000000000000001", 32, 0, Long.MAX_VALUE)
                .commitLogOffsets()).containsExactly(stored.physicalOffset());
        assertThat(store.lookMessageByOffset(hits(2).get(0)).orElseThrow().keys()).isEqualTo("key-m2");
    }

    @Test
    void aCleanRestartKeepsTheIndexWithoutDuplicates() {
        var config = config(root);
        store = StoreFixture.started(config);
        var results = appendMany(5);
        store.shutdown();

        store = StoreFixture.started(config);

        assertThat(hits(3)).containsExactly(results.get(3).physicalOffset());
        var later = append(store, draft("Idx", 0, "m5"));
        awaitDispatched(store);
        assertThat(hits(5)).containsExactly(later.physicalOffset());
    }

    @Test
    void aLostIndexIsRebuiltFromTheCommitLog() throws Exception {
        var config = config(root);
        store = StoreFixture.started(config);
        var results = appendMany(5);
        store.shutdown();
        deleteRecursively(root.resolve("index"));

        store = StoreFixture.started(config);

        for (int i = 0; i < 5; i++) {
            assertThat(hits(i)).containsExactly(results.get(i).physicalOffset());
        }
    }

    @Test
    void afterACrashTheIndexNeverPointsPastTheRecoveredCommitLog() throws Exception {
        var config = config(root);
        store = StoreFixture.started(config);
        var results = appendMany(10);
        awaitDispatched(store);
        store.halt();
        // The commit log loses its last four messages; the index on disk still names them.
        var cut = results.get(6);
        var end = results.get(9).physicalOffset() + results.get(9).size();
        try (var channel = FileChannel.open(config.commitLogDir().resolve("00000000000000000000"),
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate((int) (end - cut.physicalOffset())), cut.physicalOffset());
        }

        store = StoreFixture.started(config);

        assertThat(store.commitLogMaxOffset()).isEqualTo(cut.physicalOffset());
        assertThat(hits(5)).containsExactly(results.get(5).physicalOffset());
        for (int i = 6; i < 10; i++) {
            assertThat(hits(i)).as("message %d is gone", i).isEmpty();
        }
        var again = append(store, draft("Idx", 0, "m7"));
        awaitDispatched(store);
        assertThat(again.physicalOffset()).isEqualTo(cut.physicalOffset());
        assertThat(hits(7)).containsExactly(again.physicalOffset());
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
