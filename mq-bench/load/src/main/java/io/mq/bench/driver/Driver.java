package io.mq.bench.driver;

import java.time.Duration;

/**
 * A client library the load generator can drive. The runs in {@code io.mq.bench.run} only see this interface,
 * so the same load runs through the official client and, once it lands, our own ({@code mq-client}): add a
 * class implementing this next to {@code rocketmq4.OfficialClientDriver} and one line in {@link Drivers}.
 */
public interface Driver {

    /** The name given on the command line ({@code --driver}). */
    String name();

    /**
     * Makes sure {@code topic} exists with {@code queues} queues on every broker the name server knows, and waits
     * until the name server routes it, so that producers do not fall back to auto-creation.
     */
    void createTopic(String namesrv, String topic, int queues, Duration timeout);

    /** A started producer. */
    BenchProducer producer(ProducerSettings settings);

    /** A started push consumer of {@code settings.topic()} from the first offset, calling {@code listener}. */
    BenchConsumer consumer(ConsumerSettings settings, MessageListener listener);
}
