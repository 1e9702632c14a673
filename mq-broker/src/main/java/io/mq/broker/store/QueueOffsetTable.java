package io.mq.broker.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The next queue offset of every topic queue: the commit-log writer takes offsets from it while appending; recovery
 * rebuilds it from the consume queues.
 */
public final class QueueOffsetTable {
    private final Map<TopicQueue, Long> next = new ConcurrentHashMap<>();

    /** The offset the next message of this queue gets. */
    public long nextOffset(TopicQueue queue) {
        return next.getOrDefault(queue, 0L);
    }

    /** Records that {@code count} offsets starting at {@code from} were handed out. Writer only. */
    void advance(TopicQueue queue, long from, int count) {
        next.put(queue, from + count);
    }

    /** Makes sure the next offset is at least {@code offset} (recovery). */
    void raiseTo(TopicQueue queue, long offset) {
        next.merge(queue, offset, Math::max);
    }

    void clear() {
        next.clear();
    }

    public Map<TopicQueue, Long> snapshot() {
        return Map.copyOf(next);
    }
}
