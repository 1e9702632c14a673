package io.mq.bench.run;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Spreads sends evenly at a target rate over any number of threads: each send claims the next slot on a shared
 * schedule and waits for its time. A thread that falls behind sends at once, so a slow broker shows as a missed
 * rate, not as a silently lower target.
 *
 * <p>Warm-up and the measured window have separate schedules: sends that fell behind while the JIT was still
 * compiling are not made up in a burst at the start of the window, which would measure the catch-up, not the
 * rate. Inside the window a lag is still made up, as above.
 */
final class Pacer {

    private final Schedule warmup;
    private final Schedule measured;
    private final long windowStartNanos;

    /** {@code ratePerSecond} of 0 means no pacing; the schedule restarts at {@code window}'s start. */
    Pacer(double ratePerSecond, Window window) {
        double intervalNanos = ratePerSecond > 0 ? 1e9 / ratePerSecond : 0;
        this.windowStartNanos = window.startNanos();
        this.warmup = new Schedule(System.nanoTime(), intervalNanos);
        this.measured = new Schedule(windowStartNanos, intervalNanos);
    }

    void awaitTurn() {
        var schedule = System.nanoTime() - windowStartNanos < 0 ? warmup : measured;
        schedule.awaitTurn();
    }

    private static final class Schedule {

        private final long startNanos;
        private final double intervalNanos;
        private final AtomicLong nextSlot = new AtomicLong();

        Schedule(long startNanos, double intervalNanos) {
            this.startNanos = startNanos;
            this.intervalNanos = intervalNanos;
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
}
