package io.mq.broker.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SYNC_FLUSH with group commit: an append is acknowledged only after an fsync covers it. One thread takes every
 * waiting request, forces once, and completes all the requests that fsync covered, so concurrent senders share
 * a single fsync. The writer never waits for the disk; only the sender's future does.
 */
final class GroupCommitFlusher implements CommitLogFlusher {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitFlusher.class);
    private static final long IDLE_POLL_MILLIS = 10;

    private record Request(long endOffset, AppendResult stored, CompletableFuture<AppendResult> done) {
    }

    private final CommitLog commitLog;
    private final Duration timeout;
    private final LinkedBlockingQueue<Request> waiting = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommitFlusher(CommitLog commitLog, Duration timeout) {
        this.commitLog = commitLog;
        this.timeout = timeout;
        this.thread = StoreThreads.named("commitlog-group-commit").newThread(this::run);
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public CompletableFuture<AppendResult> whenDurable(AppendResult stored, boolean waitForDisk) {
        if (!waitForDisk) {
            return CompletableFuture.completedFuture(stored); // the idle poll forces it soon
        }
        if (!running) {
            commitLog.flush(); // shutting down: nobody else will
            return CompletableFuture.completedFuture(stored);
        }
        var done = new CompletableFuture<AppendResult>();
        waiting.add(new Request(stored.physicalOffset() + stored.size(), stored, done));
        return done.completeOnTimeout(stored.withStatus(AppendStatus.FLUSH_DISK_TIMEOUT), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void run() {
        var batch = new ArrayList<Request>();
        while (running) {
            try {
                var first = waiting.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    waiting.drainTo(batch);
                }
                long flushed = commitLog.flush();
                complete(batch, flushed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("group commit failed; the waiting appends will time out", e);
                batch.clear();
            }
        }
    }

    /** Completes the covered requests; an uncovered one (cannot happen: it was written before it queued) waits. */
    private void complete(ArrayList<Request> batch, long flushed) {
        var uncovered = new ArrayList<Request>();
        for (var request : batch) {
            if (request.endOffset() <= flushed) {
                request.done().complete(request.stored());
            } else {
                uncovered.add(request);
            }
        }
        batch.clear();
        batch.addAll(uncovered);
    }

    @Override
    public void shutdown() {
        halt();
        long flushed = commitLog.flush();
        var rest = new ArrayList<Request>();
        waiting.drainTo(rest);
        complete(rest, flushed);
    }

    @Override
    public void halt() {
        running = false;
        thread.interrupt();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
