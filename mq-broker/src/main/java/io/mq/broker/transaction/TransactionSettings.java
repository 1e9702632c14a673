package io.mq.broker.transaction;

import java.time.Duration;
import java.util.Objects;

/**
 * How the broker treats half messages whose producer has not ended them.
 *
 * @param timeout       age (from the producer's born time) before a half message is checked
 * @param checkInterval time between two check scans
 * @param checkMax      checks before a half message is discarded to TRANS_CHECK_MAX_TIME_TOPIC
 */
public record TransactionSettings(Duration timeout, Duration checkInterval, int checkMax) {

    public TransactionSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(checkInterval, "checkInterval");
        if (timeout.isNegative() || checkInterval.isNegative() || checkInterval.isZero() || checkMax < 1) {
            throw new IllegalArgumentException("timeout >= 0, checkInterval > 0 and checkMax >= 1 required: "
                    + timeout + ", " + checkInterval + ", " + checkMax);
        }
    }

    /** RocketMQ's defaults: 6 s, 60 s, 15 checks. */
    public static TransactionSettings defaults() {
        return new TransactionSettings(Duration.ofSeconds(6), Duration.ofSeconds(60), 15);
    }

    /**
     * How long a half message may wait for a producer of its group to connect before the rounds without one count
     * as checks: the time RocketMQ, which counts every round, takes to use up the checks.
     */
    Duration offlineGrace() {
        return timeout.plus(checkInterval.multipliedBy(checkMax));
    }
}
