package io.mq.bench.compare;

import io.mq.bench.driver.Driver;
import io.mq.bench.driver.ProducerSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Measures start-up as a user sees it: from spawning the broker to the first send a producer gets SEND_OK for
 * (the topic is auto-created from TBW102, as on a fresh install).
 */
final class StartupProbe {

    private static final String TOPIC = "BenchStartupProbe";
    /**
     * Pause after a failed attempt. The wait for the next attempt is charged to the broker (half the pause on
     * average: 25 ms of every figure at 50 ms), though it is the probe's. An attempt before the ports are bound is a
     * refused connect, and after it two route look-ups the name server answers at once: polling this often costs the
     * broker next to nothing.
     */
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Driver driver;
    private final Duration timeout;

    StartupProbe(Driver driver, Duration timeout) {
        this.driver = driver;
        this.timeout = timeout;
    }

    /** Sends until SEND_OK; fails if {@code alive} turns false or the timeout passes. */
    Duration awaitFirstSend(String namesrv, long spawnNanos, BooleanSupplier alive) {
        long deadline = spawnNanos + timeout.toNanos();
        try (var producer = driver.producer(new ProducerSettings(namesrv, "bench_probe", "bench-probe-" + System.nanoTime()))) {
            var body = new byte[] {1};
            RuntimeException last = null;
            while (System.nanoTime() - deadline < 0) {
                if (!alive.getAsBoolean()) {
                    throw new IllegalStateException("broker process exited during start-up");
                }
                try {
                    producer.sendSync(TOPIC, body);
                    return Duration.ofNanos(System.nanoTime() - spawnNanos);
                } catch (RuntimeException e) {
                    last = e;
                    LockSupport.parkNanos(RETRY_NANOS);
                }
            }
            throw new IllegalStateException("no SEND_OK within " + timeout + " of spawning the broker"
                    + (last == null ? "" : "; last error: " + last.getMessage()));
        }
    }
}
