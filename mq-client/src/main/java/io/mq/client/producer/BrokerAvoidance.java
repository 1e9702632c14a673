package io.mq.client.producer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Brokers to keep away from for a while: one that failed is avoided 10 s, one that answered slowly for a time that
 * grows with its latency (the 5.x client's table: 550 ms -> 2 s, 1.8 s -> 5 s, 3 s -> 6 s, 5 s -> 10 s,
 * 15 s -> 30 s). A fast answer clears it.
 */
final class BrokerAvoidance {

    private static final long[] LATENCY_AT_LEAST = {15_000, 5_000, 3_000, 1_800, 550};
    private static final long[] AVOID_FOR = {30_000, 10_000, 6_000, 5_000, 2_000};
    private static final long FAILURE_AVOIDANCE_MILLIS = 10_000;

    private final Map<String, Long> notBefore = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;

    BrokerAvoidance(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    void answered(String brokerName, long latencyMillis) {
        long avoid = 0;
        for (int i = 0; i < LATENCY_AT_LEAST.length; i++) {
            if (latencyMillis >= LATENCY_AT_LEAST[i]) {
                avoid = AVOID_FOR[i];
                break;
            }
        }
        if (avoid == 0) {
            notBefore.remove(brokerName);
        } else {
            notBefore.put(brokerName, clockMillis.getAsLong() + avoid);
        }
    }

    void failed(String brokerName) {
        notBefore.put(brokerName, clockMillis.getAsLong() + FAILURE_AVOIDANCE_MILLIS);
    }

    boolean isAvailable(String brokerName) {
        var until = notBefore.get(brokerName);
        if (until == null) {
            return true;
        }
        if (clockMillis.getAsLong() >= until) {
            notBefore.remove(brokerName, until);
            return true;
        }
        return false;
    }
}
