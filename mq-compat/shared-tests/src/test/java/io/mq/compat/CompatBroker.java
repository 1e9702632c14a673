package io.mq.compat;

import io.mq.broker.BrokerConfig;
import io.mq.broker.EmbeddedBroker;
import io.mq.broker.store.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension for the compatibility suite: our {@link EmbeddedBroker} on a fresh folder, and official
 * {@link Clients} pointed at it that are shut down after each test. Register it in a static field for one broker
 * per class, or in an instance field for one broker per test.
 */
public final class CompatBroker implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** Long enough for a route poll, a rebalance and a pull round trip on a slow CI machine. */
    public static final Duration DELIVERY_TIMEOUT = Clients.DELIVERY_TIMEOUT;

    private final UnaryOperator<BrokerConfig> brokerConfig;
    private final UnaryOperator<StoreConfig> storeConfig;
    private Path storeDir;
    private EmbeddedBroker broker;
    private boolean perTest;
    private Clients clients;

    private CompatBroker(UnaryOperator<BrokerConfig> brokerConfig, UnaryOperator<StoreConfig> storeConfig) {
        this.brokerConfig = brokerConfig;
        this.storeConfig = storeConfig;
    }

    /** A broker with EmbeddedBroker's defaults (asynchronous flush, small segments, auto-create on). */
    public static CompatBroker create() {
        return new CompatBroker(c -> c, s -> s);
    }

    /** A broker whose settings the scenario adjusts, e.g. a short delay-level table. */
    public static CompatBroker create(UnaryOperator<BrokerConfig> brokerConfig, UnaryOperator<StoreConfig> storeConfig) {
        return new CompatBroker(brokerConfig, storeConfig);
    }

    /**
     * A broker with its own delay-level table ({@code messageDelayLevel}, e.g. {@code "1s 1s 1s"}) so retries and
     * delayed messages come back within a test's patience.
     */
    public static CompatBroker withDelayLevels(String table) {
        return create(c -> c.withMessageDelayLevel(table), s -> s);
    }

    /** A name no other test in this JVM uses. */
    public static String unique(String prefix) {
        return Clients.unique(prefix);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startBroker();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (broker == null) {
            perTest = true;
            startBroker();
        }
        clients = new Clients(broker.nameServerAddress());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            clients.close();
        } finally {
            if (perTest) {
                stopBroker();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopBroker();
    }

    private void startBroker() {
        try {
            storeDir = Files.createTempDirectory("mq-compat-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = EmbeddedBroker.start(storeDir, brokerConfig, storeConfig);
    }

    private void stopBroker() {
        try {
            if (broker != null) {
                broker.close();
            }
        } finally {
            broker = null;
            deleteRecursively(storeDir);
        }
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public String nameServerAddress() {
        return broker.nameServerAddress();
    }

    public String brokerAddress() {
        return broker.brokerAddress();
    }

    /** Stops the broker gracefully and starts it on the same store and port; clients stay up and reconnect. */
    public void restartBroker() {
        broker.restartBroker();
    }

    /** This test's clients. */
    public Clients clients() {
        return clients;
    }

    public DefaultMQProducer producer() {
        return clients.producer();
    }

    public DefaultMQPushConsumer pushConsumer(String group, String topic, String expression, Received sink) {
        return clients.pushConsumer(group, topic, expression, sink);
    }

    /** A started push consumer of {@code topic}; {@code tune} adjusts it (batch size, retries) before it starts. */
    public DefaultMQPushConsumer pushConsumer(String group, String topic, String expression,
            MessageListenerConcurrently listener, Consumer<DefaultMQPushConsumer> tune) {
        return clients.pushConsumer(group, topic, expression, listener, tune);
    }

    /** A configured push consumer that is not started yet: the scenario subscribes, registers and starts it. */
    public DefaultMQPushConsumer newPushConsumer(String group) {
        return clients.newPushConsumer(group);
    }

    public DefaultMQAdminExt admin() {
        return clients.admin();
    }

    /** Creates a topic on this broker through the official admin client and waits for its route. */
    public String createTopic(String topic, int queues) {
        return clients.createTopic(brokerAddress(), topic, queues);
    }

    /** Waits until the name server routes {@code topic} (e.g. a dead-letter topic the broker made). */
    public void awaitRoute(String topic) {
        clients.awaitRoute(topic);
    }

    /**
     * Creates {@code group}'s retry topic on the broker as a consumer's heartbeat would, and waits for its route, so
     * the consumer subscribes to it from its first rebalance.
     */
    public void createRetryTopic(String group) {
        broker.broker().runtime().topics().createRetryTopic(group, 1);
        awaitRoute("%RETRY%" + group);
    }

    private static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
