package io.mq.bench.run;

import io.mq.bench.LoadOptions;
import io.mq.bench.driver.ConsumerSettings;
import io.mq.bench.driver.Driver;
import io.mq.bench.report.Latency;
import io.mq.bench.report.RunResult;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drains a backlog with a fresh consumer group from the first offset, until {@code --messages} arrived or nothing
 * arrived for {@code --idle-timeout}. The rate is over first to last arrival, so the consumer's start-up and
 * rebalance are not charged to the broker.
 */
public final class ConsumeRun {

    /** How long to wait for a first message beyond the idle timeout: a new group's rebalance takes a while. */
    private static final Duration FIRST_MESSAGE_GRACE = Duration.ofSeconds(30);
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private final LoadOptions options;
    private final Driver driver;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong();
    private volatile long lastNanos;
    private volatile int bodySize;

    public ConsumeRun(LoadOptions options, Driver driver) {
        this.options = options;
        this.driver = driver;
    }

    public RunResult run() {
        long began = System.nanoTime();
        var settings = new ConsumerSettings(options.namesrv(), options.group(), options.topic(), options.consumeThreads(),
                "bench-consume-" + began);
        try (var progress = Progress.start("consumed", count::get, () -> 0, options.reportInterval());
             var consumer = driver.consumer(settings, this::arrived)) {
            awaitEnd(began);
        }
        long n = count.get();
        double seconds = n < 2 ? 0 : (lastNanos - firstNanos.get()) / 1e9;
        return new RunResult("consume", options.driver(), "-", options.consumeThreads(), n == 0 ? options.bodySize() : bodySize, 0, seconds, n,
                n, 0, n, Latency.NONE);
    }

    private void arrived(byte[] body) {
        long now = System.nanoTime();
        if (firstNanos.compareAndSet(0, now)) {
            bodySize = body.length; // the backlog's size, whatever --body-size says
        }
        lastNanos = now;
        count.incrementAndGet();
    }

    private void awaitEnd(long began) {
        long idle = options.idleTimeout().toNanos();
        while (true) {
            long now = System.nanoTime();
            long n = count.get();
            if (options.messages() > 0 && n >= options.messages()) {
                return;
            }
            if (n > 0 && now - lastNanos > idle) {
                return;
            }
            if (n == 0 && now - began > idle + FIRST_MESSAGE_GRACE.toNanos()) {
                System.err.println("no message arrived within " + (idle + FIRST_MESSAGE_GRACE.toNanos()) / 1_000_000 + " ms");
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
