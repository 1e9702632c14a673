package io.mq.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.mq.client.MessageView;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Times and observes sends and listener calls: metrics through {@link MqMetrics}, spans through the Observation API
 * (observations {@code mq.template} and {@code mq.listener}, low-cardinality keys {@code mq.topic} and
 * {@code mq.group}); the trace context travels in the message's user properties.
 */
public class MqObservations {

    public static final String TEMPLATE_OBSERVATION = "mq.template";
    public static final String LISTENER_OBSERVATION = "mq.listener";

    private final ObservationRegistry registry;
    private final MqMetrics metrics;

    public MqObservations(ObservationRegistry registry, MqMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    /** Neither metrics nor observations. */
    public static MqObservations none() {
        return new MqObservations(ObservationRegistry.NOOP, MqMetrics.NONE);
    }

    /**
     * Runs a send: {@code carrier} receives the trace context before {@code send} runs, so {@code send} must put its
     * entries on the message.
     */
    public <T> T send(String topic, String group, Map<String, String> carrier, Supplier<T> send) {
        var observation = sendObservation(topic, group, carrier).start();
        long start = System.nanoTime();
        try (var scope = observation.openScope()) {
            T result = send.get();
            metrics.sent(topic, group, true, System.nanoTime() - start);
            return result;
        } catch (RuntimeException e) {
            metrics.sent(topic, group, false, System.nanoTime() - start);
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    /** As {@link #send} for a send that completes later. */
    public <T> CompletableFuture<T> sendAsync(String topic, String group, Map<String, String> carrier,
            Supplier<CompletableFuture<T>> send) {
        var observation = sendObservation(topic, group, carrier).start();
        long start = System.nanoTime();
        CompletableFuture<T> future;
        try (var scope = observation.openScope()) {
            future = send.get();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return future.whenComplete((result, error) -> {
            metrics.sent(topic, group, error == null, System.nanoTime() - start);
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
        });
    }

    /** Runs a listener call for {@code message} inside an observation continuing the producer's trace. */
    public void consume(MessageView message, String group, Runnable listener) {
        var context = new MqReceiveContext(message, group);
        var observation = Observation.createNotStarted(LISTENER_OBSERVATION, () -> context, registry)
                .contextualName(message.topic() + " process")
                .lowCardinalityKeyValue("mq.topic", message.topic())
                .lowCardinalityKeyValue("mq.group", group)
                .highCardinalityKeyValue("mq.message.id", String.valueOf(message.msgId()))
                .start();
        long start = System.nanoTime();
        try (var scope = observation.openScope()) {
            listener.run();
            metrics.consumed(message.topic(), group, true, System.nanoTime() - start);
        } catch (RuntimeException | Error e) {
            metrics.consumed(message.topic(), group, false, System.nanoTime() - start);
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    private Observation sendObservation(String topic, String group, Map<String, String> carrier) {
        var context = new MqSendContext(topic, group, carrier);
        return Observation.createNotStarted(TEMPLATE_OBSERVATION, () -> context, registry)
                .contextualName(topic + " send")
                .lowCardinalityKeyValue("mq.topic", topic)
                .lowCardinalityKeyValue("mq.group", group);
    }
}
