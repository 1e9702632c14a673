package io.mq.broker.schedule;

import io.mq.broker.store.AppendResult;
import io.mq.broker.store.AppendStatus;
import io.mq.broker.store.MessageStore;
import io.mq.broker.store.TopicQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers held messages when they fall due: one thread watches every delay-level queue and the timer queue, sleeps
 * until the earliest delivery time (or until a new held message arrives), re-puts what is due into its real topic
 * and records the progress.
 *
 * <p>Guarantees across a stop or a crash: none lost, none twice, none early. A message counts as delivered only
 * after its re-put is stored, and the progress (with the commit log's end as a mark) is written only between
 * batches, so nothing is lost; a re-put that happened after the last progress write lies beyond the mark, and the
 * {@link RepeatGuard} finds it there after the restart instead of putting it again. Never early: a message is taken
 * only once the clock has reached its delivery time.
 */
public final class ScheduledDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScheduledDelivery.class);
    private static final int BATCH = 256;
    private static final long MAX_PARK_MS = 1000;
    private static final long RETRY_PAUSE_MS = 1000;

    private final MessageStore store;
    private final DelayRouter router;
    private final LongSupplier clock;
    private final Duration progressInterval;
    private final ScheduleProgress progress;
    private final HeldReader reader;
    private final Map<TopicQueue, HeldQueue> queues = new LinkedHashMap<>();
    private final Map<Integer, Long> levelOffsets = new ConcurrentHashMap<>();
    private final RepeatGuard guard;
    private final long startedAt;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean guardActive = true;
    private boolean dirty;
    private long lastProgressWrite;
    private long pausedUntil;

    private ScheduledDelivery(MessageStore store, Path storeRoot, DelayRouter router, LongSupplier clock,
            Duration progressInterval) {
        this.store = store;
        this.router = router;
        this.clock = clock;
        this.progressInterval = progressInterval;
        this.progress = new ScheduleProgress(storeRoot);
        this.reader = new HeldReader(store);
        var saved = progress.load();
        for (int level = 1; level <= router.levels().maxLevel(); level++) {
            var queue = new TopicQueue(ScheduleTopics.LEVELS, DelayLevels.queueIdOf(level));
            queues.put(queue, new LevelQueue(queue, saved.queues().getOrDefault(queue, DeliveredOffsets.none()),
                    reader, router));
        }
        // A level dropped from the table still has its waiting messages delivered (at the capped delay).
        for (var e : saved.queues().entrySet()) {
            if (ScheduleTopics.LEVELS.equals(e.getKey().topic()) && !queues.containsKey(e.getKey())) {
                queues.put(e.getKey(), new LevelQueue(e.getKey(), e.getValue(), reader, router));
            }
        }
        var timer = new TopicQueue(ScheduleTopics.TIMER, ScheduleTopics.TIMER_QUEUE_ID);
        queues.put(timer, new TimerQueue(timer, saved.queues().getOrDefault(timer, DeliveredOffsets.none()), reader,
                router));
        this.startedAt = clock.getAsLong();
        this.guard = new RepeatGuard(reader, saved.commitLogMark(), store.commitLogMaxOffset(), startedAt);
        publishLevelOffsets();
        this.thread = new Thread(this::run, "schedule-delivery");
        thread.setDaemon(true);
    }

    /**
     * Loads the progress from {@code <storeRoot>/config/scheduleProgress.json} and starts delivering. Call after the
     * store started and before anything else writes to it (the duplicate check needs the log's end at start).
     */
    public static ScheduledDelivery start(MessageStore store, Path storeRoot, DelayLevels levels) {
        return start(store, storeRoot, new DelayRouter(levels), System::currentTimeMillis, Duration.ofSeconds(1));
    }

    static ScheduledDelivery start(MessageStore store, Path storeRoot, DelayRouter router, LongSupplier clock,
            Duration progressInterval) {
        var delivery = new ScheduledDelivery(store, storeRoot, router, clock, progressInterval);
        store.addArrivedListener((topic, queueId, offset, tagsCode, properties) -> {
            if (ScheduleTopics.isScheduleTopic(topic)) {
                LockSupport.unpark(delivery.thread);
            }
        });
        delivery.thread.start();
        return delivery;
    }

    /** Per delay level, the offset of the first message not yet delivered (RocketMQ's delayOffset table). */
    public Map<Integer, Long> levelOffsets() {
        return new TreeMap<>(levelOffsets);
    }

    private void run() {
        while (running) {
            try {
                long now = clock.getAsLong();
                if (now < pausedUntil) {
                    park(pausedUntil - now);
                    continue;
                }
                var due = new ArrayList<HeldEntry>();
                long next = Long.MAX_VALUE;
                for (var queue : queues.values()) {
                    queue.refill();
                    queue.takeDue(now, BATCH, due);
                    next = Math.min(next, queue.nextDueAt());
                }
                if (guardActive && due.isEmpty() && next > startedAt) {
                    guardActive = false; // everything due before this start is settled
                }
                if (!due.isEmpty()) {
                    deliver(due);
                    writeProgress(false);
                    continue;
                }
                writeProgress(false);
                park(next == Long.MAX_VALUE ? MAX_PARK_MS : next - clock.getAsLong());
            } catch (RuntimeException e) {
                log.error("schedule delivery failed; retrying in {} ms", RETRY_PAUSE_MS, e);
                pausedUntil = clock.getAsLong() + RETRY_PAUSE_MS;
            }
        }
    }

    private void deliver(List<HeldEntry> due) {
        var putEntries = new ArrayList<HeldEntry>(due.size());
        var puts = new ArrayList<CompletableFuture<AppendResult>>(due.size());
        for (var entry : due) {
            var release = DelayRouter.release(entry.message());
            if (release == null) {
                log.warn("held message at {} offset {} names no real topic; dropped", entry.queue(), entry.offset());
                markDelivered(entry);
            } else if (guard.alreadyDelivered(entry, release)) {
                log.info("held message at {} offset {} was delivered before the restart; not putting it again",
                        entry.queue(), entry.offset());
                markDelivered(entry);
            } else {
                putEntries.add(entry);
                puts.add(store.append(release));
            }
        }
        var refused = new ArrayList<HeldEntry>();
        for (int i = 0; i < puts.size(); i++) {
            var entry = putEntries.get(i);
            AppendStatus status;
            try {
                status = puts.get(i).join().status();
            } catch (RuntimeException e) {
                log.warn("re-put of held message at {} offset {} failed", entry.queue(), entry.offset(), e);
                status = AppendStatus.SERVICE_NOT_AVAILABLE;
            }
            if (status.isStored()) {
                markDelivered(entry);
                if (log.isDebugEnabled()) {
                    log.debug("delivered {} offset {} {} ms after its time", entry.queue(), entry.offset(),
                            clock.getAsLong() - entry.deliverAt());
                }
            } else if (status == AppendStatus.MESSAGE_ILLEGAL) {
                log.error("held message at {} offset {} cannot be stored in its real topic; dropped", entry.queue(),
                        entry.offset());
                markDelivered(entry);
            } else {
                refused.add(entry);
            }
        }
        for (var entry : refused) {
            queues.get(entry.queue()).giveBack(entry);
        }
        if (!refused.isEmpty()) {
            log.warn("the store refused {} re-puts; trying again in {} ms", refused.size(), RETRY_PAUSE_MS);
            pausedUntil = clock.getAsLong() + RETRY_PAUSE_MS;
        }
        publishLevelOffsets();
    }

    private void markDelivered(HeldEntry entry) {
        queues.get(entry.queue()).delivered().add(entry.offset());
        dirty = true;
    }

    /**
     * Writes the progress when it changed and the interval passed (or when forced). Runs only between batches, so
     * every re-put before the mark is counted in it. While messages due before this start are still unsettled the
     * mark stays where it was, so that a second restart still finds their copies.
     */
    private void writeProgress(boolean force) {
        long now = clock.getAsLong();
        if (!dirty || (!force && now - lastProgressWrite < progressInterval.toMillis())) {
            return;
        }
        long end = store.commitLogMaxOffset();
        long mark = guardActive ? Math.min(guard.mark(), end) : end;
        var table = new LinkedHashMap<TopicQueue, DeliveredOffsets>();
        queues.forEach((queue, held) -> table.put(queue, held.delivered()));
        progress.store(mark, table);
        dirty = false;
        lastProgressWrite = now;
    }

    private void publishLevelOffsets() {
        queues.forEach((queue, held) -> {
            if (ScheduleTopics.LEVELS.equals(queue.topic())) {
                levelOffsets.put(DelayLevels.levelOfQueue(queue.queueId()), held.delivered().low());
            }
        });
    }

    private static void park(long millis) {
        if (millis > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(millis, MAX_PARK_MS)));
        }
    }

    /** Stops the thread and writes the progress. Call before the store shuts down. */
    @Override
    public void close() {
        stopThread();
        try {
            dirty = true;
            writeProgress(true);
        } catch (RuntimeException e) {
            log.warn("could not write the schedule progress on close; the next start checks for duplicates", e);
        }
    }

    /** Stops the thread without writing the progress: what a crash leaves behind (tests). */
    void halt() {
        stopThread();
    }

    private void stopThread() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
