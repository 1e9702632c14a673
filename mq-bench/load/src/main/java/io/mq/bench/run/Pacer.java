package io.mq.bench.run;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Spreads sends evenly at a target rate over any number of threads: each send claims the next slot on a shared
 * schedule and waits for its time. A thread that falls behind sends at once, so a slow broker shows as a missed
 * rate, not as a silently lower target.
 */
final class Pacer {

    private final long startNanos;
    private final double intervalNanos;
    private final AtomicLong nextSlot = new AtomicLong();

    /** {@code ratePerSecond} of 0 means no pacing. */
    Pacer(double ratePerSecond) {
        this.startNanos = System.nanoTime();
        this.intervalNanos = ratePerSecond > 0 ? 1e9 / ratePerSecond : 0;
    }

    void awaitTurn() {
        if (intervalNanos == 0) {
            return;
        }
        long due = startNanos + (long) (nextSlot.getAndIncrement() * intervalNanos);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
