package io.mq.broker.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one message store. Immutable; start from {@link #defaults(Path, InetSocketAddress)} and change
 * what a test or a deployment needs with the {@code with*} methods.
 *
 * @param rootDir holds {@code commitlog/}, {@code consumequeue/}, {@code checkpoint}, {@code abort}, {@code lock}
 * @param commitLogSegmentSize bytes per commit-log file (1 GiB by default); must hold the largest message
 * @param consumeQueueEntriesPerFile 20-byte entries per consume-queue file (300 000 by default)
 * @param flushInterval how often the commit log (ASYNC_FLUSH) and the consume queues and checkpoint are flushed
 * @param syncFlushTimeout how long a SYNC_FLUSH append waits for its fsync before answering FLUSH_DISK_TIMEOUT
 * @param maxMessageSize largest accepted body, in bytes (4 MiB by default)
 * @param storeHost the broker address written into every message and its offset id
 */
public record StoreConfig(
        Path rootDir,
        int commitLogSegmentSize,
        int consumeQueueEntriesPerFile,
        FlushDiskType flushDiskType,
        Duration flushInterval,
        Duration syncFlushTimeout,
        int maxMessageSize,
        InetSocketAddress storeHost) {

    public static final int DEFAULT_SEGMENT_SIZE = 1024 * 1024 * 1024;
    public static final int DEFAULT_CONSUME_QUEUE_ENTRIES = 300_000;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

    public StoreConfig {
        Objects.requireNonNull(rootDir, "rootDir");
        Objects.requireNonNull(flushDiskType, "flushDiskType");
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(syncFlushTimeout, "syncFlushTimeout");
        Objects.requireNonNull(storeHost, "storeHost");
        if (commitLogSegmentSize < 4096) {
            throw new IllegalArgumentException("commitLogSegmentSize too small: " + commitLogSegmentSize);
        }
        if (consumeQueueEntriesPerFile < 1) {
            throw new IllegalArgumentException("consumeQueueEntriesPerFile must be positive");
        }
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be positive");
        }
        if (storeHost.isUnresolved()) {
            throw new IllegalArgumentException("storeHost must be a resolved address: " + storeHost);
        }
    }

    public static StoreConfig defaults(Path rootDir, InetSocketAddress storeHost) {
        return new StoreConfig(rootDir, DEFAULT_SEGMENT_SIZE, DEFAULT_CONSUME_QUEUE_ENTRIES, FlushDiskType.ASYNC_FLUSH,
                Duration.ofMillis(500), Duration.ofSeconds(5), DEFAULT_MAX_MESSAGE_SIZE, storeHost);
    }

    public Path commitLogDir() {
        return rootDir.resolve("commitlog");
    }

    public Path consumeQueueDir() {
        return rootDir.resolve("consumequeue");
    }

    public StoreConfig withCommitLogSegmentSize(int bytes) {
        return new StoreConfig(rootDir, bytes, consumeQueueEntriesPerFile, flushDiskType, flushInterval,
                syncFlushTimeout, maxMessageSize, storeHost);
    }

    public StoreConfig withConsumeQueueEntriesPerFile(int entries) {
        return new StoreConfig(rootDir, commitLogSegmentSize, entries, flushDiskType, flushInterval,
                syncFlushTimeout, maxMessageSize, storeHost);
    }

    public StoreConfig withFlushDiskType(FlushDiskType type) {
        return new StoreConfig(rootDir, commitLogSegmentSize, consumeQueueEntriesPerFile, type, flushInterval,
                syncFlushTimeout, maxMessageSize, storeHost);
    }

    public StoreConfig withFlushInterval(Duration interval) {
        return new StoreConfig(rootDir, commitLogSegmentSize, consumeQueueEntriesPerFile, flushDiskType, interval,
                syncFlushTimeout, maxMessageSize, storeHost);
    }

    public StoreConfig withSyncFlushTimeout(Duration timeout) {
        return new StoreConfig(rootDir, commitLogSegmentSize, consumeQueueEntriesPerFile, flushDiskType, flushInterval,
                timeout, maxMessageSize, storeHost);
    }

    public StoreConfig withStoreHost(InetSocketAddress host) {
        return new StoreConfig(rootDir, commitLogSegmentSize, consumeQueueEntriesPerFile, flushDiskType, flushInterval,
                syncFlushTimeout, maxMessageSize, host);
    }

    public StoreConfig withMaxMessageSize(int bytes) {
        return new StoreConfig(rootDir, commitLogSegmentSize, consumeQueueEntriesPerFile, flushDiskType, flushInterval,
                syncFlushTimeout, bytes, storeHost);
    }
}
