package io.mq.broker.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SYNC_FLUSH with group commit: an append is acknowledged only after a force of the commit log covers it; one force
 * serves every append written before it started. A {@link ZeroFiller} keeps the blocks ahead of the writer
 * allocated, so that a force is a data write alone. The flusher threads may pipeline the forces (while one waits
 * for the disk, appends that arrive meanwhile get their own force at once); forces may then end out of order, so an
 * append is acknowledged only once every force up to its end has ended: durability is the contiguous prefix of ended
 * forces. The writer never waits for the disk; only the sender's future does.
 */
final class GroupCommitFlusher implements CommitLogFlusher {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitFlusher.class);
    private static final long IDLE_POLL_MILLIS = 10;
    private static final long RETRY_MILLIS = 100;
    /**
     * One: with the zero filler, a force is short, and a second thread only splits the appends over more forces
     * (16 threads of 1 KB sync sends here: 23.3-23.8k msg/s and 4.7k forces a second with one, 20.9-23.1k and 5.9-6.4k
     * with two, 18.7-20.1k with three). Two paid off before the filler, when a force also committed the journal.
     */
    private static final int FLUSHER_THREADS = 1;

    private record Request(long endOffset, AppendResult stored, CompletableFuture<AppendResult> done) {
    }

    /** A force of the commit log up to {@code end}, started and not yet accounted for. */
    private static final class Force {
        final long end;
        boolean ended;

        Force(long end) {
            this.end = end;
        }
    }

    private final CommitLog commitLog;
    private final Duration timeout;
    private final List<Thread> threads = new ArrayList<>();
    private final ZeroFiller zeroFiller;
    private final Object lock = new Object();
    // Guarded by lock:
    private final List<Request> waiting = new ArrayList<>();
    private final ArrayDeque<Force> inFlight = new ArrayDeque<>();
    /** Every byte below it is covered by a force that has started. */
    private long forcedFrom;
    /** Every byte below it is on disk. */
    private long durable;
    private volatile boolean running = true;

    GroupCommitFlusher(CommitLog commitLog, Duration timeout) {
        this.commitLog = commitLog;
        this.timeout = timeout;
        this.zeroFiller = new ZeroFiller(commitLog);
        for (int i = 0; i < FLUSHER_THREADS; i++) {
            threads.add(StoreThreads.named("commitlog-group-commit").newThread(this::run));
        }
    }

    @Override
    public void start() {
        synchronized (lock) {
            forcedFrom = commitLog.flushedOffset();
            durable = forcedFrom;
        }
        threads.forEach(Thread::start);
        zeroFiller.start();
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
        var request = new Request(stored.physicalOffset() + stored.size(), stored, new CompletableFuture<>());
        synchronized (lock) {
            if (request.endOffset() <= durable) {
                return CompletableFuture.completedFuture(stored);
            }
            waiting.add(request);
            lock.notify();
        }
        return request.done().completeOnTimeout(stored.withStatus(AppendStatus.FLUSH_DISK_TIMEOUT), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void run() {
        while (running) {
            try {
                var force = nextForce();
                if (force != null && forceUntilDone(force)) {
                    ended(force);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits for an append no started force covers (or the idle poll); null when there is nothing new to force. */
    private Force nextForce() throws InterruptedException {
        synchronized (lock) {
            if (!hasUncoveredWaiter()) {
                lock.wait(IDLE_POLL_MILLIS);
            }
            if (!running) {
                return null;
            }
            long end = commitLog.maxOffset();
            if (end <= forcedFrom) {
                return null;
            }
            var force = new Force(end);
            forcedFrom = end;
            inFlight.addLast(force);
            return force;
        }
    }

    private boolean hasUncoveredWaiter() {
        for (var request : waiting) {
            if (request.endOffset() > forcedFrom) {
                return true;
            }
        }
        return false;
    }

    /**
     * Forces up to the force's end; a failing disk is retried, since nothing after it may be acknowledged first.
     * False when the store stops before a force succeeded: then nothing is acknowledged from here on (shutdown
     * answers what its own final flush covers).
     */
    private boolean forceUntilDone(Force force) throws InterruptedException {
        while (true) {
            try {
                commitLog.force(force.end);
                return true;
            } catch (RuntimeException e) {
                if (!running) {
                    return false;
                }
                log.error("commit log force up to {} failed; retrying (waiting appends time out meanwhile)", force.end, e);
                synchronized (lock) {
                    lock.wait(RETRY_MILLIS);
                }
            }
        }
    }

    /** Accounts for an ended force: moves durability over the ended prefix and answers what it covers. */
    private void ended(Force force) {
        var covered = new ArrayList<Request>();
        synchronized (lock) {
            force.ended = true;
            while (!inFlight.isEmpty() && inFlight.peekFirst().ended) {
                durable = Math.max(durable, inFlight.removeFirst().end);
            }
            commitLog.markFlushed(durable);
            var it = waiting.iterator();
            while (it.hasNext()) {
                var request = it.next();
                if (request.endOffset() <= durable) {
                    covered.add(request);
                    it.remove();
                }
            }
            if (!waiting.isEmpty()) {
                lock.notify(); // the other thread may be idle while an append still waits for a force
            }
        }
        for (var request : covered) {
            request.done().complete(request.stored());
        }
    }

    @Override
    public void shutdown() {
        halt();
        commitLog.flush();
        long flushed = commitLog.flushedOffset();
        List<Request> rest;
        synchronized (lock) {
            rest = new ArrayList<>(waiting);
            waiting.clear();
        }
        for (var request : rest) {
            if (request.endOffset() <= flushed) {
                request.done().complete(request.stored());
            }
        }
    }

    /** No interrupts: an interrupted FileChannel operation would close the channel under the store. */
    @Override
    public void halt() {
        zeroFiller.stop();
        running = false;
        synchronized (lock) {
            lock.notifyAll();
        }
        for (var thread : threads) {
            try {
                thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
