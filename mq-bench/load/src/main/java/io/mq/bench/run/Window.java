package io.mq.bench.run;

import java.time.Duration;

/**
 * The measured part of a run, in {@link System#nanoTime()}: what completes before {@code start} is warm-up and
 * is only counted in the totals. Fixed in advance, so threads decide without coordination.
 */
public record Window(long startNanos, long endNanos) {

    /** Warm-up from now, then the measured duration. */
    public static Window after(Duration warmup, Duration duration) {
        long start = System.nanoTime() + warmup.toNanos();
        return new Window(start, start + duration.toNanos());
    }

    /** From now on, with no end: a fixed-count run measures everything. */
    public static Window fromNowOn() {
        return new Window(System.nanoTime(), Long.MAX_VALUE);
    }

    public boolean contains(long nanos) {
        return nanos - startNanos >= 0 && (endNanos == Long.MAX_VALUE || nanos - endNanos < 0);
    }

    public boolean isOver(long nanos) {
        return endNanos != Long.MAX_VALUE && nanos - endNanos >= 0;
    }

    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }
}
