package io.mq.broker.processor.lock;

import io.mq.protocol.body.MessageQueue;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which client of a consumer group owns which message queue for ordered consumption (RocketMQ's
 * RebalanceLockManager). A lock lives {@code maxLiveTime} after its holder last asked for it; an orderly
 * consumer renews every 20 s, so a holder that stopped renewing loses the queue to the next client that asks.
 * Only the holder can unlock.
 */
public final class QueueLockRegistry {

    /** RocketMQ's system property for the lock's lifetime in milliseconds. */
    public static final String MAX_LIVE_TIME_PROPERTY = "rocketmq.broker.rebalance.lockMaxLiveTime";
    public static final Duration DEFAULT_MAX_LIVE_TIME = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(QueueLockRegistry.class);

    private record Lock(String clientId, long renewedAtMillis) {
    }

    private final long maxLiveMillis;
    private final LongSupplier clock;
    /** group -> queue -> lock; guarded by this. Lock traffic is a few requests per client every 20 s. */
    private final Map<String, Map<MessageQueue, Lock>> locks = new HashMap<>();

    public QueueLockRegistry(Duration maxLiveTime, LongSupplier clock) {
        if (maxLiveTime.isNegative() || maxLiveTime.isZero()) {
            throw new IllegalArgumentException("lock live time must be positive, was " + maxLiveTime);
        }
        this.maxLiveMillis = maxLiveTime.toMillis();
        this.clock = clock;
    }

    /** Uses the wall clock and the live time from {@value #MAX_LIVE_TIME_PROPERTY}, 60 s by default. */
    public static QueueLockRegistry withSystemSettings() {
        long millis = Long.getLong(MAX_LIVE_TIME_PROPERTY, DEFAULT_MAX_LIVE_TIME.toMillis());
        return new QueueLockRegistry(Duration.ofMillis(millis), System::currentTimeMillis);
    }

    /**
     * Locks (or renews) each queue that is free, expired or already held by {@code clientId}; returns those the
     * client now holds. Queues held by a live other client are left out.
     */
    public synchronized Set<MessageQueue> tryLockBatch(String group, Set<MessageQueue> queues, String clientId) {
        long now = clock.getAsLong();
        var groupLocks = locks.computeIfAbsent(group, g -> new HashMap<>());
        var granted = new LinkedHashSet<MessageQueue>();
        for (var queue : queues) {
            var current = groupLocks.get(queue);
            if (current == null || current.clientId().equals(clientId) || isExpired(current, now)) {
                if (current != null && !current.clientId().equals(clientId)) {
                    log.info("queue {} of group {}: lock of {} expired, now held by {}", queue, group,
                            current.clientId(), clientId);
                }
                groupLocks.put(queue, new Lock(clientId, now));
                granted.add(queue);
            }
        }
        return granted;
    }

    /** Releases the queues that {@code clientId} holds; locks of other clients stay. */
    public synchronized void unlockBatch(String group, Set<MessageQueue> queues, String clientId) {
        var groupLocks = locks.get(group);
        if (groupLocks == null) {
            return;
        }
        for (var queue : queues) {
            var current = groupLocks.get(queue);
            if (current != null && current.clientId().equals(clientId)) {
                groupLocks.remove(queue);
            } else if (current != null) {
                log.warn("{} cannot unlock queue {} of group {}: held by {}", clientId, queue, group,
                        current.clientId());
            }
        }
        if (groupLocks.isEmpty()) {
            locks.remove(group);
        }
    }

    /** The live holder of a queue, if any. */
    public synchronized Optional<String> holder(String group, MessageQueue queue) {
        var groupLocks = locks.get(group);
        var current = groupLocks == null ? null : groupLocks.get(queue);
        if (current == null || isExpired(current, clock.getAsLong())) {
            return Optional.empty();
        }
        return Optional.of(current.clientId());
    }

    /** Forgets expired locks so the table does not keep queues of clients long gone; returns how many. */
    public synchronized int purgeExpired() {
        long now = clock.getAsLong();
        int purged = 0;
        for (var it = locks.values().iterator(); it.hasNext(); ) {
            var groupLocks = it.next();
            int before = groupLocks.size();
            groupLocks.values().removeIf(lock -> isExpired(lock, now));
            purged += before - groupLocks.size();
            if (groupLocks.isEmpty()) {
                it.remove();
            }
        }
        return purged;
    }

    private boolean isExpired(Lock lock, long now) {
        return now - lock.renewedAtMillis() > maxLiveMillis;
    }
}
