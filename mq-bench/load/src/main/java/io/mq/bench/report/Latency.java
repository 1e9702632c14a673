package io.mq.bench.report;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in microseconds, read from an HdrHistogram that recorded microseconds.
 *
 * @param count how many values the percentiles come from
 */
public record Latency(long count, long p50Us, long p99Us, long p999Us, long maxUs, double meanUs) {

    public static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0);

    public static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(micros.getTotalCount(),
                micros.getValueAtPercentile(50.0),
                micros.getValueAtPercentile(99.0),
                micros.getValueAtPercentile(99.9),
                micros.getMaxValue(),
                micros.getMean());
    }

    /** {@code p50 1.23 ms, p99 ..., p99.9 ..., max ...}, or {@code none}. */
    public String describe() {
        if (count == 0) {
            return "none";
        }
        return "p50 " + millis(p50Us) + ", p99 " + millis(p99Us) + ", p99.9 " + millis(p999Us) + ", max " + millis(maxUs)
                + " ms (" + count + " samples)";
    }

    private static String millis(long micros) {
        return String.format(java.util.Locale.ROOT, "%.3f", micros / 1000.0);
    }
}
