package io.mq.broker.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every interval: flushes the consume queues and records in the {@link Checkpoint} how far both they and the commit
 * log are on disk, which bounds how much a recovery has to re-check.
 */
final class Checkpointer {
    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;
    private final Dispatcher dispatcher;
    private final Checkpoint checkpoint;
    private final Runnable flushIndex;
    private final Duration interval;
    private final ScheduledExecutorService timer;

    Checkpointer(CommitLog commitLog, ConsumeQueueTable consumeQueues, Dispatcher dispatcher, Checkpoint checkpoint,
            Runnable flushIndex, Duration interval) {
        this.commitLog = commitLog;
        this.consumeQueues = consumeQueues;
        this.dispatcher = dispatcher;
        this.checkpoint = checkpoint;
        this.flushIndex = flushIndex;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(StoreThreads.named("checkpoint"));
    }

    void start() {
        timer.scheduleWithFixedDelay(this::checkpointQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Flushes the consume queues, then records the offset that both they and the commit log have on disk. */
    void checkpointNow() {
        // Read before flushing: every entry below this offset was written before it was published.
        long dispatched = dispatcher.dispatchedOffset();
        consumeQueues.flushAll();
        flushIndex.run(); // the index keeps its own position; recovery re-dispatches from the lower of the two
        long flushed = commitLog.flushedOffset();
        checkpoint.save(new Checkpoint.State(Math.min(dispatched, flushed), System.currentTimeMillis()));
    }

    private void checkpointQuietly() {
        try {
            checkpointNow();
        } catch (RuntimeException e) {
            log.error("checkpoint failed", e);
        }
    }

    void shutdown() {
        StoreThreads.stop(timer);
        checkpointNow();
    }

    void halt() {
        StoreThreads.stop(timer);
    }
}
