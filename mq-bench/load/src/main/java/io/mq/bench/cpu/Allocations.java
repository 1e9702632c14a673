package io.mq.bench.cpu;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Heap bytes allocated by this JVM's threads between two points, from the per-thread counters
 * ({@code com.sun.management.ThreadMXBean}; Java 17 has no process total). Threads that end between the two points
 * take their counts with them, so short-lived threads (the senders) add theirs themselves through {@link #mine()}.
 */
final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> before;

    private Allocations(Map<Long, Long> before) {
        this.before = before;
    }

    /** The counters of every live thread now. */
    static Allocations snapshot() {
        return new Allocations(counters());
    }

    /** Bytes the live threads allocated since the snapshot (a thread started since counts from zero). */
    long sinceSnapshot() {
        long total = 0;
        for (var entry : counters().entrySet()) {
            total += Math.max(0, entry.getValue() - before.getOrDefault(entry.getKey(), 0L));
        }
        return total;
    }

    /** What the calling thread allocated in its life so far. */
    static long mine() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    private static Map<Long, Long> counters() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        var counters = new HashMap<Long, Long>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                counters.put(ids[i], bytes[i]);
            }
        }
        return counters;
    }
}
