package io.mq.broker.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which entries of one schedule queue were delivered: everything below {@link #low()}, plus the offsets above it
 * delivered out of order (timer messages fall due in any order). Kept small by folding the set into {@code low} as
 * soon as the gap closes. Not thread-safe: the delivery thread owns it.
 */
final class DeliveredOffsets {

    private long low;
    private final TreeSet<Long> above = new TreeSet<>();

    DeliveredOffsets(long low, List<long[]> ranges) {
        this.low = low;
        for (var range : ranges) {
            for (long o = range[0]; o < range[1]; o++) {
                above.add(o);
            }
        }
        fold();
    }

    static DeliveredOffsets none() {
        return new DeliveredOffsets(0, List.of());
    }

    /** Every entry below this was delivered. */
    long low() {
        return low;
    }

    boolean contains(long offset) {
        return offset < low || above.contains(offset);
    }

    void add(long offset) {
        if (offset == low) {
            low++;
            fold();
        } else if (offset > low) {
            above.add(offset);
        }
    }

    /** Skips entries that no longer exist (the queue's first offset moved past them). */
    void raiseLowTo(long offset) {
        if (offset > low) {
            low = offset;
            above.headSet(offset).clear();
            fold();
        }
    }

    /** The delivered offsets above {@link #low()} as [from, to) ranges, for the progress file. */
    List<long[]> ranges() {
        var out = new ArrayList<long[]>();
        long[] current = null;
        for (long o : above) {
            if (current != null && current[1] == o) {
                current[1] = o + 1;
            } else {
                current = new long[] {o, o + 1};
                out.add(current);
            }
        }
        return out;
    }

    private void fold() {
        while (!above.isEmpty() && above.first() == low) {
            above.pollFirst();
            low++;
        }
    }
}
