package io.mq.bench.run;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Prints a progress line to stderr every interval while a run goes on, so a stuck run is visible at once. */
final class Progress implements AutoCloseable {

    private final Thread thread;

    private Progress(Thread thread) {
        this.thread = thread;
    }

    /** Starts reporting {@code what} (a running total) and its rate; an interval of zero reports nothing. */
    static Progress start(String what, LongSupplier total, LongSupplier errors, Duration interval) {
        if (interval.isZero()) {
            return new Progress(null);
        }
        long began = System.nanoTime();
        var thread = new Thread(() -> {
            long last = 0;
            long lastNanos = began;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(interval.toMillis()); // a reporting cadence, not a wait for a result
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                long count = total.getAsLong();
                System.err.printf(Locale.ROOT, "[%5.1fs] %s %d (%.0f/s), errors %d%n", (now - began) / 1e9, what, count,
                        (count - last) / ((now - lastNanos) / 1e9), errors.getAsLong());
                last = count;
                lastNanos = now;
            }
        }, "bench-progress");
        thread.setDaemon(true);
        thread.start();
        return new Progress(thread);
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
