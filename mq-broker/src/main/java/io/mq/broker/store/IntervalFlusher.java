package io.mq.broker.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ASYNC_FLUSH: appends are acknowledged when in memory; a thread forces the log to disk every interval. */
final class IntervalFlusher implements CommitLogFlusher {
    private static final Logger log = LoggerFactory.getLogger(IntervalFlusher.class);

    private final CommitLog commitLog;
    private final Duration interval;
    private final ScheduledExecutorService timer;

    IntervalFlusher(CommitLog commitLog, Duration interval) {
        this.commitLog = commitLog;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(StoreThreads.named("commitlog-flush"));
    }

    @Override
    public void start() {
        timer.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void flush() {
        try {
            commitLog.flush();
        } catch (RuntimeException e) {
            log.error("commit log flush failed", e);
        }
    }

    @Override
    public CompletableFuture<AppendResult> whenDurable(AppendResult stored, boolean waitForDisk) {
        return CompletableFuture.completedFuture(stored);
    }

    @Override
    public void shutdown() {
        StoreThreads.stop(timer);
        commitLog.flush();
    }

    @Override
    public void halt() {
        StoreThreads.stop(timer);
    }
}
