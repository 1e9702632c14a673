package io.mq.bench.run;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * What a run counts, safe for many threads: completions in and out of the measured window, errors, and a latency
 * histogram (microseconds) of the completions in the window.
 */
final class Tally {

    private final Window window;
    private final LongAdder total = new LongAdder();
    private final LongAdder measured = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Recorder latencyMicros = new Recorder(3);

    Tally(Window window) {
        this.window = window;
    }

    Window window() {
        return window;
    }

    /** A completion at {@code nowNanos} of something that started at {@code startNanos}. */
    void completed(long startNanos, long nowNanos) {
        total.increment();
        if (window.contains(nowNanos)) {
            measured.increment();
            latencyMicros.recordValue(Math.max(0, (nowNanos - startNanos) / 1_000));
        }
    }

    /** A delivery (e2e) of a message sent at {@code sentNanos}: measured when it was sent in the window. */
    void delivered(long sentNanos, long nowNanos) {
        total.increment();
        if (window.contains(sentNanos)) {
            measured.increment();
            latencyMicros.recordValue(Math.max(0, (nowNanos - sentNanos) / 1_000));
        }
    }

    /** A completion counted for throughput but without a latency (consume). */
    void completed(long nowNanos) {
        total.increment();
        if (window.contains(nowNanos)) {
            measured.increment();
        }
    }

    void failed() {
        errors.increment();
    }

    long total() {
        return total.sum();
    }

    long measured() {
        return measured.sum();
    }

    long errors() {
        return errors.sum();
    }

    /** The latencies recorded so far; call once, at the end. */
    org.HdrHistogram.Histogram latency() {
        return latencyMicros.getIntervalHistogram();
    }
}
