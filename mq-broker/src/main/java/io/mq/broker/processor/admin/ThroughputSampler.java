package io.mq.broker.processor.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.LongSupplier;

/**
 * Turns two ever-growing counts (messages put, messages consumed) into what RocketMQ's runtime info reports:
 * rates over the last 10 s, 1 min and 10 min, and the counts at this and yesterday's midnight. Fed by
 * {@link #sample()} once a second; readers take a consistent snapshot under the lock.
 */
final class ThroughputSampler {

    /** One sample a second, ten minutes of history plus the current one. */
    static final int HISTORY = 601;

    private final LongSupplier putTotal;
    private final LongSupplier getTotal;
    private final Clock clock;
    private final long[] times = new long[HISTORY];
    private final long[] puts = new long[HISTORY];
    private final long[] gets = new long[HISTORY];
    private int next;
    private int count;
    private LocalDate today;
    private long putTodayMorning;
    private long getTodayMorning;
    private long putYesterdayMorning;
    private long getYesterdayMorning;

    ThroughputSampler(LongSupplier putTotal, LongSupplier getTotal, Clock clock) {
        this.putTotal = putTotal;
        this.getTotal = getTotal;
        this.clock = clock;
        sample();
    }

    /** Takes a sample now; at the first sample of a new day the day's baseline moves. */
    synchronized void sample() {
        long now = clock.millis();
        long put = putTotal.getAsLong();
        long get = getTotal.getAsLong();
        var date = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (today == null) {
            // Started today: what existed at start counts as this (and, lacking better, yesterday's) morning.
            putTodayMorning = putYesterdayMorning = put;
            getTodayMorning = getYesterdayMorning = get;
        } else if (!date.equals(today)) {
            putYesterdayMorning = putTodayMorning;
            getYesterdayMorning = getTodayMorning;
            putTodayMorning = put;
            getTodayMorning = get;
        }
        today = date;
        times[next] = now;
        puts[next] = put;
        gets[next] = get;
        next = (next + 1) % HISTORY;
        count = Math.min(count + 1, HISTORY);
    }

    /** What was sampled last, and the day's baselines. */
    synchronized Snapshot snapshot() {
        int last = Math.floorMod(next - 1, HISTORY);
        return new Snapshot(puts[last], gets[last], putTodayMorning, getTodayMorning, putYesterdayMorning,
                getYesterdayMorning, tps(puts, last, 10), tps(puts, last, 60), tps(puts, last, 600),
                tps(gets, last, 10), tps(gets, last, 60), tps(gets, last, 600));
    }

    /** Messages per second over about {@code seconds} samples back (fewer when the broker is younger). */
    private double tps(long[] values, int last, int seconds) {
        int back = Math.min(seconds, count - 1);
        if (back <= 0) {
            return 0;
        }
        int first = Math.floorMod(last - back, HISTORY);
        long millis = times[last] - times[first];
        return millis <= 0 ? 0 : (values[last] - values[first]) * 1000.0 / millis;
    }

    record Snapshot(long putTotal, long getTotal, long putTodayMorning, long getTodayMorning,
                    long putYesterdayMorning, long getYesterdayMorning, double putTps10s, double putTps1m,
                    double putTps10m, double getTps10s, double getTps1m, double getTps10m) {
    }
}
