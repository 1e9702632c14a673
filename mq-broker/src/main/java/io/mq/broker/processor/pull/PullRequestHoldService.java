package io.mq.broker.processor.pull;

import io.mq.broker.store.MessageArrivedListener;
import io.mq.broker.store.MessageStore;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling (RocketMQ's PullRequestHoldService): pulls that found nothing wait here, by topic and queue, until a
 * message their filter may want arrives or their hold time ends; either way they are handed back to be pulled again
 * (on the connection's I/O thread when a message woke it, else on the pull executor). Also parks pulls whose connection is not writable until it drains. A sweep every
 * {@code sweepInterval} answers expired requests and drops those whose connection closed; the store's arrival
 * callback wakes the rest at once. No lock is held while anything is read.
 */
final class PullRequestHoldService implements MessageArrivedListener, AutoCloseable {

    /** Sweep period: an expired pull is answered at most this late. */
    static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMillis(50);
    /** Longest a pull waits for its connection to drain before it is answered anyway. */
    static final Duration MAX_WRITABLE_WAIT = Duration.ofSeconds(3);

    private static final Logger log = LoggerFactory.getLogger(PullRequestHoldService.class);

    private record QueueKey(String topic, int queueId) {
    }

    /** A parked pull; whoever claims it first (arrival, sweep, close) hands it on, exactly once. */
    private static final class Held {
        final PullTask task;
        final Consumer<PullTask> resume;
        final long parkedAtNanos;
        private final AtomicBoolean claimed = new AtomicBoolean();

        Held(PullTask task, Consumer<PullTask> resume, long parkedAtNanos) {
            this.task = task;
            this.resume = resume;
            this.parkedAtNanos = parkedAtNanos;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }
    }

    private final MessageStore store;
    private final Executor pullExecutor;
    private final LongSupplier nanoClock;
    private final Map<QueueKey, Set<Held>> waitingForMessages = new ConcurrentHashMap<>();
    private final Set<Held> waitingForWritable = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> sweeper;

    PullRequestHoldService(MessageStore store, Executor pullExecutor, ScheduledExecutorService scheduler,
            Duration sweepInterval) {
        this(store, pullExecutor, scheduler, sweepInterval, System::nanoTime);
    }

    PullRequestHoldService(MessageStore store, Executor pullExecutor, ScheduledExecutorService scheduler,
            Duration sweepInterval, LongSupplier nanoClock) {
        this.store = store;
        this.pullExecutor = pullExecutor;
        this.nanoClock = nanoClock;
        long period = sweepInterval.toNanos();
        this.sweeper = scheduler.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.NANOSECONDS);
    }

    /**
     * Parks a pull that found nothing until a matching message reaches its queue or its hold deadline passes;
     * then {@code resume} runs on the connection's I/O thread (woken by a message) or on the pull executor.
     */
    void hold(PullTask task, Consumer<PullTask> resume) {
        var key = new QueueKey(task.topic(), task.queueId());
        var held = new Held(task, resume, nanoClock.getAsLong());
        waitingForMessages.compute(key, (k, set) -> {
            var target = set == null ? ConcurrentHashMap.<Held>newKeySet() : set;
            target.add(held);
            return target;
        });
        // A message may have landed between the pull's read and this registration: its arrival found nobody.
        if (store.maxOffset(task.topic(), task.queueId()) > task.queueOffset() && held.claim()) {
            remove(key, held);
            dispatch(held);
        }
    }

    /** Parks a pull until its connection is writable again (or it closes, or {@link #MAX_WRITABLE_WAIT} passes). */
    void holdUntilWritable(PullTask task, Consumer<PullTask> resume) {
        waitingForWritable.add(new Held(task.afterWritableWait(), resume, nanoClock.getAsLong()));
    }

    /** Held pulls waiting for messages, for tests and metrics. */
    int heldCount() {
        int count = 0;
        for (var set : waitingForMessages.values()) {
            count += set.size();
        }
        return count;
    }

    @Override
    public void onArrived(String topic, int queueId, long logicalOffset, long tagsCode,
            Map<String, String> properties) {
        var key = new QueueKey(topic, queueId);
        var set = waitingForMessages.get(key);
        if (set == null) {
            return;
        }
        for (var held : set) {
            var task = held.task;
            if (logicalOffset >= task.queueOffset() && task.filter().matchesArrival(tagsCode, properties)
                    && held.claim()) {
                set.remove(held);
                dispatchOnIoThread(held);
            }
        }
        // The set stays for the queue's next held pull (one per message otherwise); the sweep drops empty ones.
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("held pull sweep failed", e);
        }
    }

    /** Answers expired pulls, forgets those whose connection closed, releases those whose connection drained. */
    void sweep() {
        long now = nanoClock.getAsLong();
        for (var entry : waitingForMessages.entrySet()) {
            var set = entry.getValue();
            for (var held : set) {
                var task = held.task;
                if (!task.channel().isActive()) {
                    if (held.claim()) {
                        set.remove(held);
                        log.debug("dropped a held pull of {}: connection closed", task.channel());
                    }
                } else if (!task.mayHold(now) && held.claim()) {
                    set.remove(held);
                    dispatch(held);
                }
            }
            dropIfEmpty(entry.getKey());
        }
        long maxWait = MAX_WRITABLE_WAIT.toNanos();
        for (var held : waitingForWritable) {
            var channel = held.task.channel();
            boolean release = !channel.isActive() || channel.isWritable() || now - held.parkedAtNanos >= maxWait;
            if (release && held.claim()) {
                waitingForWritable.remove(held);
                if (channel.isActive()) {
                    dispatch(held);
                }
            }
        }
    }

    /**
     * A pull woken by an arrival reads what was just written (in the page cache, no disk wait), so it runs on its
     * connection's I/O thread: the message reaches the consumer without one more hand-over between threads.
     */
    private void dispatchOnIoThread(Held held) {
        try {
            held.task.channel().ioExecutor().execute(() -> held.resume.accept(held.task));
        } catch (RejectedExecutionException e) {
            dispatch(held); // the connection's event loop is shutting down
        }
    }

    private void dispatch(Held held) {
        try {
            pullExecutor.execute(() -> held.resume.accept(held.task));
        } catch (RejectedExecutionException e) {
            // The pull executor is saturated or stopping: tell the client to back off rather than let it time out.
            var task = held.task;
            log.warn("cannot resume a held pull of {} on {}-{}: {}", task.channel(), task.topic(), task.queueId(),
                    e.toString());
            task.channel().reply(task.request(), RemotingCommand.responseTo(task.request(), ResponseCode.SYSTEM_BUSY,
                    "[PULL] the broker is busy, try again later"));
        }
    }

    private void remove(QueueKey key, Held held) {
        var set = waitingForMessages.get(key);
        if (set != null) {
            set.remove(held);
            dropIfEmpty(key);
        }
    }

    /** Atomic with {@link #hold}'s registration, so a pull is never added to a set that was just dropped. */
    private void dropIfEmpty(QueueKey key) {
        waitingForMessages.computeIfPresent(key, (k, set) -> set.isEmpty() ? null : set);
    }

    /** Stops the sweep and forgets parked pulls (their clients time out, as when a broker stops). */
    @Override
    public void close() {
        sweeper.cancel(false);
        waitingForMessages.clear();
        waitingForWritable.clear();
    }
}
