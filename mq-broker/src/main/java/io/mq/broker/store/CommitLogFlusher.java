package io.mq.broker.store;

import java.util.concurrent.CompletableFuture;

/** Brings appended messages to disk, on an interval or before their append is acknowledged. */
sealed interface CommitLogFlusher permits IntervalFlusher, GroupCommitFlusher {

    static CommitLogFlusher of(StoreConfig config, CommitLog commitLog) {
        return switch (config.flushDiskType()) {
            case ASYNC_FLUSH -> new IntervalFlusher(commitLog, config.flushInterval());
            case SYNC_FLUSH -> new GroupCommitFlusher(commitLog, config.syncFlushTimeout());
        };
    }

    void start();

    /**
     * Completes with the stored result once the flush policy is satisfied for it; with FLUSH_DISK_TIMEOUT if the
     * disk did not confirm in time. {@code waitForDisk=false} (the message's WAIT property) answers at once.
     */
    CompletableFuture<AppendResult> whenDurable(AppendResult stored, boolean waitForDisk);

    /** Flushes what is left and stops; waiting appends are completed. */
    void shutdown();

    /** Stops without flushing (a simulated crash); waiting appends time out. */
    void halt();
}
