package io.mq.spring.test;

import io.mq.broker.BrokerConfig;
import io.mq.broker.EmbeddedBroker;
import io.mq.client.ClientConfig;
import io.mq.client.admin.MqAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Starts the broker an {@link EmbeddedMqBroker} asks for, and says which properties point the starter at it. */
public final class EmbeddedMqBrokers {

    private static final Duration ROUTE_WAIT = Duration.ofSeconds(10);

    private EmbeddedMqBrokers() {
    }

    /** A started broker with the annotation's topics created and visible on the name server. */
    public static RunningBroker start(EmbeddedMqBroker settings) {
        Path dir;
        try {
            dir = Files.createTempDirectory("embedded-mq-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UnaryOperator<BrokerConfig> brokerConfig = config -> {
            var result = config.withMessageDelayLevel(settings.delayLevels());
            for (var customizer : settings.brokerConfig()) {
                result = instantiate(customizer).apply(result);
            }
            return result;
        };
        var broker = EmbeddedBroker.start(dir.resolve("store"), brokerConfig, store -> store);
        var running = new RunningBroker(broker, dir);
        try {
            createTopics(broker, settings);
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    /**
     * {@code mq.name-server} plus fast consumer settings; the test's own properties win over all but the first
     * (the fast ones are defaults).
     */
    public static Map<String, Object> properties(RunningBroker broker) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("mq.name-server", broker.broker().nameServerAddress());
        properties.put("mq.route-poll-interval", "1s");
        properties.put("mq.consumer.rebalance-interval", "1s");
        properties.put("mq.consumer.persist-interval", "1s");
        properties.put("mq.consumer.shutdown-timeout", "5s");
        properties.put("mq.consumer.offset-store-dir", broker.dir().resolve("offsets").toString());
        return properties;
    }

    private static void createTopics(EmbeddedBroker broker, EmbeddedMqBroker settings) {
        if (settings.topics().length == 0) {
            return;
        }
        try (var admin = MqAdmin.start(ClientConfig.of(broker.nameServerAddress()).withInstanceName("embedded-mq-admin"))) {
            for (var topic : settings.topics()) {
                admin.createTopic(broker.brokerAddress(), topic, settings.queues(), MqAdmin.READ_WRITE);
            }
            long deadline = System.nanoTime() + ROUTE_WAIT.toNanos();
            for (var topic : settings.topics()) {
                while (!hasRoute(admin, topic)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("topic " + topic + " has no route on the embedded name "
                                + "server after " + ROUTE_WAIT);
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // the broker re-registers on its own thread
                }
            }
        }
    }

    private static boolean hasRoute(MqAdmin admin, String topic) {
        try {
            return !admin.client().nameServerApi().route(topic).queueDatas().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static <T> T instantiate(Class<T> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + ": it needs a no-arg constructor", e);
        }
    }

    /** A broker started for a test, and the temporary directory it owns (deleted on close). */
    public record RunningBroker(EmbeddedBroker broker, Path dir) implements AutoCloseable {

        @Override
        public void close() {
            try {
                broker.close();
            } finally {
                deleteQuietly(dir);
            }
        }

        private static void deleteQuietly(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a temp dir left behind is harmless
            }
        }
    }
}
