package io.mq.spring.observation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Timers {@code mq.send} and {@code mq.consume} (count, total and max time), tagged {@code topic}, {@code group}
 * and {@code outcome} ({@code success} or {@code failure}).
 */
public final class MicrometerMqMetrics implements MqMetrics {

    public static final String SEND = "mq.send";
    public static final String CONSUME = "mq.consume";

    private final MeterRegistry registry;

    public MicrometerMqMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void sent(String topic, String group, boolean success, long nanos) {
        timer(SEND, "time of a send to the broker", topic, group, success).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void consumed(String topic, String group, boolean success, long nanos) {
        timer(CONSUME, "time of a listener call", topic, group, success).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String name, String description, String topic, String group, boolean success) {
        return Timer.builder(name).description(description)
                .tag("topic", topic).tag("group", group).tag("outcome", success ? "success" : "failure")
                .register(registry);
    }
}
