package io.mq.bench.compare;

import io.mq.testkit.ProcessMetrics;
import java.time.Duration;

/** A broker under test, started for one session of scenarios: where clients find it and what its process costs. */
sealed interface RunningBroker extends AutoCloseable permits OurBrokerProcess, ApacheBroker {

    BrokerKind kind();

    String namesrvAddress();

    /** The broker's process (for Apache RocketMQ, the broker JVM, not its separate name server). */
    long pid();

    /** Spawn of the first process to the first SEND_OK of a probe producer. */
    Duration startup();

    default double cpuSeconds() {
        return ProcessMetrics.cpuSeconds(pid()).orElse(Double.NaN);
    }

    default long peakRssKb() {
        return ProcessMetrics.peakRssKb(pid()).orElse(-1);
    }

    @Override
    void close();
}
