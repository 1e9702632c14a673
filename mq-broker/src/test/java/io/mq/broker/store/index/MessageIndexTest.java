package io.mq.broker.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.message.StoredMessage;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageIndexTest {
    private static final int SIZE = 100;
    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    @TempDir
    Path dir;

    /** The n-th message of the log: offset n * SIZE, stored at 1000 + n ms. */
    private static StoredMessage message(int n, String topic, String keys, String uniqueKey, int sysFlag) {
        var properties = new LinkedHashMap<String, String>();
        if (keys != null) {
            properties.put(MessageProperties.KEYS, keys);
        }
        if (uniqueKey != null) {
            properties.put(MessageProperties.UNIQ_KEY, uniqueKey);
        }
        return new StoredMessage(SIZE, 0, 0, 0, n, (long) n * SIZE, sysFlag, 0, HOST, 1000 + n, HOST, 0, 0, 0, null,
                topic, properties);
    }

    private static StoredMessage message(int n, String topic, String keys) {
        return message(n, topic, keys, null, 0);
    }

    private static List<Long> offsets(int... ns) {
        return java.util.Arrays.stream(ns).mapToObj(n -> (long) n * SIZE).toList();
    }

    @Test
    void findsMessagesByEachKeyAndByUniqueId() {
        var index = MessageIndex.open(dir, new IndexConfig(64, 1000));
        index.add(message(0, "orders", "order-1 customer-7", "UNIQ-0", 0));
        index.add(message(1, "orders", "order-2", "UNIQ-1", 0));
        index.add(message(2, "orders", "order-1", null, 0));

        assertThat(index.query("orders", "order-1", 32, 0, Long.MAX_VALUE).commitLogOffsets())
                .isEqualTo(offsets(0, 2));
        assertThat(index.query("orders", "customer-7", 32, 0, Long.MAX_VALUE).commitLogOffsets())
                .isEqualTo(offsets(0));
        assertThat(index.query("orders", "UNIQ-1", 32, 0, Long.MAX_VALUE).commitLogOffsets()).isEqualTo(offsets(1));
        assertThat(index.query("payments", "order-1", 32, 0, Long.MAX_VALUE).commitLogOffsets())
                .as("the topic is part of the key").isEmpty();
        var hits = index.query("orders", "order-2", 32, 0, Long.MAX_VALUE);
        assertThat(hits.lastUpdateOffset()).isEqualTo(2L * SIZE);
        assertThat(hits.lastUpdateTimestamp()).isEqualTo(1002);
    }

    @Test
    void honoursTheTimeRangeAndTheMaximum() {
        var index = MessageIndex.open(dir, new IndexConfig(64, 1000));
        for (int n = 0; n < 10; n++) {
            index.add(message(n, "orders", "same"));
        }

        assertThat(index.query("orders", "same", 32, 1003, 1005).commitLogOffsets()).isEqualTo(offsets(3, 4, 5));
        assertThat(index.query("orders", "same", 2, 0, Long.MAX_VALUE).commitLogOffsets())
                .as("newest first, then sorted").isEqualTo(offsets(8, 9));
    }

    @Test
    void keysSharingASlotKeepSeparateChains() {
        var index = MessageIndex.open(dir, new IndexConfig(1, 1000)); // every key lands in the one slot
        index.add(message(0, "t", "alpha"));
        index.add(message(1, "t", "beta"));
        index.add(message(2, "t", "alpha"));

        assertThat(index.query("t", "alpha", 32, 0, Long.MAX_VALUE).commitLogOffsets()).isEqualTo(offsets(0, 2));
        assertThat(index.query("t", "beta", 32, 0, Long.MAX_VALUE).commitLogOffsets()).isEqualTo(offsets(1));
    }

    @Test
    void aHashCollisionIsReturnedAsACandidateAndRejectedByTheKeyCheck() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        var index = MessageIndex.open(dir, new IndexConfig(64, 1000));
        var aa = message(0, "t", "Aa");
        var bb = message(1, "t", "BB");
        index.add(aa);
        index.add(bb);

        assertThat(index.query("t", "Aa", 32, 0, Long.MAX_VALUE).commitLogOffsets()).isEqualTo(offsets(0, 1));
        assertThat(IndexKeys.matches(aa, "t", "Aa", false)).isTrue();
        assertThat(IndexKeys.matches(bb, "t", "Aa", false)).isFalse();
    }

    @Test
    void rolledBackTransactionMessagesAreNotIndexed() {
        var index = MessageIndex.open(dir, new IndexConfig(64, 1000));
        index.add(message(0, "t", "k", null, MessageSysFlag.TRANSACTION_ROLLBACK_TYPE));
        index.add(message(1, "t", "k", null, MessageSysFlag.TRANSACTION_PREPARED_TYPE));

        assertThat(index.query("t", "k", 32, 0, Long.MAX_VALUE).commitLogOffsets()).isEqualTo(offsets(1));
    }

    @Test
    void rollsToANewFileWhenFullAndQueriesAcrossFiles() throws Exception {
        var index = MessageIndex.open(dir, new IndexConfig(8, 4));
        for (int n = 0; n < 10; n++) {
            index.add(message(n, "t", "k"));
        }

        assertThat(index.fileCount()).isEqualTo(3);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(IndexFile.fileName(0), IndexFile.fileName(400), IndexFile.fileName(800));
        }
        assertThat(index.query("t", "k", 32, 0, Long.MAX_VALUE).commitLogOffsets())
                .isEqualTo(offsets(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(index.query("t", "k", 32, 1005, 1006).commitLogOffsets()).isEqualTo(offsets(5, 6));
    }

    @Test
    void reopensWithEverythingAndSkipsRecordsItAlreadyCovered() {
        var index = MessageIndex.open(dir, new IndexConfig(8, 4));
        for (int n = 0; n < 6; n++) {
            index.add(message(n, "t", "k"));
        }
        index.close();

        var reopened = MessageIndex.open(dir, new IndexConfig(8, 4));
        assertThat(reopened.coveredOffset()).isEqualTo(6L * SIZE);
        for (int n = 0; n < 8; n++) { // a re-dispatch from the start of the log
            reopened.add(message(n, "t", "k"));
        }

        assertThat(reopened.query("t", "k", 32, 0, Long.MAX_VALUE).commitLogOffsets())
                .isEqualTo(offsets(0, 1, 2, 3, 4, 5, 6, 7));
    }

    @Test
    void truncationDropsEntriesAndFilesBeyondTheCommitLogEnd() {
        var index = MessageIndex.open(dir, new IndexConfig(8, 4));
        for (int n = 0; n < 10; n++) {
            index.add(message(n, "t", n % 2 == 0 ? "even" : "odd"));
        }

        index.truncateBeyond(3L * SIZE); // the commit log now ends where message 3 started

        assertThat(index.fileCount()).isEqualTo(1);
        assertThat(index.coveredOffset()).isEqualTo(3L * SIZE);
        assertThat(index.query("t", "even", 32, 0, Long.MAX_VALUE).commitLogOffsets()).isEqualTo(offsets(0, 2));
        assertThat(index.query("t", "odd", 32, 0, Long.MAX_VALUE).commitLogOffsets()).isEqualTo(offsets(1));
        index.add(message(3, "t", "new")); // a new message written where the cut was
        assertThat(index.query("t", "odd", 32, 0, Long.MAX_VALUE).commitLogOffsets()).isEqualTo(offsets(1));
        assertThat(index.query("t", "new", 32, 0, Long.MAX_VALUE).commitLogOffsets()).isEqualTo(offsets(3));
    }

    @Test
    void aSlotWrittenAheadOfTheEntryCountIsRepairedOnOpen() throws Exception {
        var index = MessageIndex.open(dir, new IndexConfig(1, 16));
        index.add(message(0, "t", "k"));
        index.add(message(1, "t", "k"));
        index.close();
        // As if the crash hit after the slot and entry of message 1 were written but before the count was.
        var file = dir.resolve(IndexFile.fileName(0));
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.allocate(4).putInt(0, 1), 12);
        }

        var reopened = MessageIndex.open(dir, new IndexConfig(1, 16));
        assertThat(reopened.query("t", "k", 32, 0, Long.MAX_VALUE).commitLogOffsets()).isEqualTo(offsets(0));
        reopened.add(message(2, "t", "k"));
        assertThat(reopened.query("t", "k", 32, 0, Long.MAX_VALUE).commitLogOffsets()).isEqualTo(offsets(0, 2));
    }
}
