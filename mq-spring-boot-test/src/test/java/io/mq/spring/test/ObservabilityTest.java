package io.mq.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import io.mq.client.ClientConfig;
import io.mq.client.admin.MqAdmin;
import io.mq.spring.core.MqTemplate;
import io.mq.spring.health.MqHealthIndicator;
import io.mq.spring.listener.MqListener;
import io.mq.spring.observation.MicrometerMqMetrics;
import io.mq.spring.observation.MqObservations;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@SpringBootTest(classes = ObservabilityTest.App.class)
@EmbeddedMqBroker(topics = {"observed", "observed-failing"})
class ObservabilityTest {

    @Autowired
    MqTemplate template;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TraceRecorder traces;

    @Autowired
    Inbox inbox;

    @Autowired
    MqHealthIndicator health;

    @Test
    void sendsAndConsumptionsAreTimedByTopicGroupAndOutcome() {
        template.send("observed", "timed");
        inbox.await("observed", 1);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.get(MicrometerMqMetrics.SEND).tags("topic", "observed", "outcome", "success").timer()
                    .count()).isGreaterThanOrEqualTo(1);
            assertThat(meters.get(MicrometerMqMetrics.CONSUME)
                    .tags("topic", "observed", "group", "g-observed", "outcome", "success").timer().count())
                    .isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void aFailingListenerIsCountedAsFailure() {
        template.send("observed-failing", "boom");

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> meters.find(MicrometerMqMetrics.CONSUME)
                .tags("topic", "observed-failing", "outcome", "failure").timer() != null);
    }

    @Test
    void theTraceContextTravelsFromProducerToConsumer() {
        template.send("observed", "traced");
        inbox.await("observed", 1);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !traces.received.isEmpty());
        assertThat(traces.received).isSubsetOf(traces.sent);
        assertThat(traces.names).contains(MqObservations.TEMPLATE_OBSERVATION, MqObservations.LISTENER_OBSERVATION);
    }

    @Test
    void healthIsUpWhileTheNameServerAnswers() {
        var result = health.health();

        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsKeys("clusters", "brokers");
    }

    @Test
    void healthIsDownWhenNoNameServerAnswers() {
        var unreachable = ClientConfig.of("127.0.0.1:1").withInstanceName("health-down")
                .withRequestTimeout(Duration.ofMillis(500)).withConnectTimeout(Duration.ofMillis(500));
        try (var admin = MqAdmin.start(unreachable)) {
            assertThat(new MqHealthIndicator(admin).health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    /** Stands in for a tracer: writes a traceparent on send, reads it on receive. */
    static class TraceRecorder implements ObservationHandler<Observation.Context> {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public void onStart(Observation.Context context) {
            names.add(context.getName());
            if (context instanceof SenderContext<?> sender) {
                var traceparent = "00-" + System.nanoTime() + "-01";
                ((SenderContext<Object>) sender).getSetter().set(sender.getCarrier(), "traceparent", traceparent);
                sent.add(traceparent);
            } else if (context instanceof ReceiverContext<?> receiver) {
                var value = ((ReceiverContext<Object>) receiver).getGetter().get(receiver.getCarrier(), "traceparent");
                if (value != null) {
                    received.add(value);
                }
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        TraceRecorder traceRecorder() {
            return new TraceRecorder();
        }

        @Bean
        ObservationRegistry observationRegistry(TraceRecorder recorder) {
            var registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(recorder);
            return registry;
        }

        @Bean
        Inbox inbox() {
            return new Inbox();
        }

        @Bean
        Listeners listeners(Inbox inbox) {
            return new Listeners(inbox);
        }
    }

    static class Listeners {
        private final Inbox inbox;

        Listeners(Inbox inbox) {
            this.inbox = inbox;
        }

        @MqListener(topic = "observed", consumerGroup = "g-observed")
        void observed(String body) {
            inbox.add("observed", body);
        }

        @MqListener(topic = "observed-failing", consumerGroup = "g-observed-failing", maxReconsumeTimes = "0")
        void failing(String body) {
            throw new IllegalStateException("fails on purpose");
        }
    }
}
