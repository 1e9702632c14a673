package io.mq.bench.run;

import io.mq.bench.LoadOptions;
import io.mq.bench.driver.BenchProducer;
import io.mq.bench.driver.ConsumerSettings;
import io.mq.bench.driver.Driver;
import io.mq.bench.report.Latency;
import io.mq.bench.report.RunResult;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Produces (usually paced with {@code --rate}) while a push consumer in the same JVM receives; the latency of a
 * message is delivery time minus the send time stamped in its body. Only messages sent inside the measured
 * window count, so the consumer's start-up during warm-up does not show as latency.
 */
public final class E2eRun {

    private static final long POLL_NANOS = 20_000_000L;

    private final LoadOptions options;
    private final Driver driver;
    private final BenchProducer producer;

    public E2eRun(LoadOptions options, Driver driver, BenchProducer producer) {
        this.options = options;
        this.driver = driver;
        this.producer = producer;
    }

    public RunResult run() {
        var send = new ProduceRun(options, producer, true);
        var deliveries = new AtomicReference<Tally>();
        var settings = new ConsumerSettings(options.namesrv(), options.group(), options.topic(), options.consumeThreads(),
                "bench-e2e-" + System.nanoTime());
        try (var consumer = driver.consumer(settings, body -> {
            var tally = deliveries.get(); // null until the producer starts: older messages on the topic are ignored
            if (tally != null) {
                tally.delivered(Bodies.stamp(body), System.nanoTime());
            }
        })) {
            var window = send.start();
            deliveries.set(new Tally(window));
            send.finish();
            awaitDeliveries(send.tally(), deliveries.get());
        }
        var sent = send.tally();
        var received = deliveries.get();
        return new RunResult("e2e", options.driver(), options.sendMode().name().toLowerCase(java.util.Locale.ROOT),
                options.threads(), options.bodySize(), options.rate(), sent.window().seconds(), sent.measured(),
                sent.total(), sent.errors(), received.measured(), Latency.of(received.latency()));
    }

    /** Waits until everything sent came back, or nothing came back for the idle timeout. */
    private void awaitDeliveries(Tally sent, Tally received) {
        long idle = options.idleTimeout().toNanos();
        long lastCount = -1;
        long lastChange = System.nanoTime();
        while (received.total() < sent.total()) {
            long now = System.nanoTime();
            long count = received.total();
            if (count != lastCount) {
                lastCount = count;
                lastChange = now;
            } else if (now - lastChange > idle) {
                System.err.println("e2e: " + (sent.total() - count) + " sent messages never arrived");
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
