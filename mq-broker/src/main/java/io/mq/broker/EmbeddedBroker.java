package io.mq.broker;

import io.mq.broker.namesrv.NameServer;
import io.mq.broker.namesrv.NameServerConfig;
import io.mq.broker.store.FlushDiskType;
import io.mq.broker.store.StoreConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A name server and a broker in this JVM on free loopback ports, for tests and embedding: point any RocketMQ
 * client at {@link #nameServerAddress()}. Restartable on the same store to test recovery.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final Path storeDir;
    private final UnaryOperator<BrokerConfig> brokerCustomizer;
    private final UnaryOperator<StoreConfig> storeCustomizer;
    private NameServer nameServer;
    private Broker broker;

    private EmbeddedBroker(Path storeDir, UnaryOperator<BrokerConfig> brokerCustomizer,
            UnaryOperator<StoreConfig> storeCustomizer) {
        this.storeDir = storeDir;
        this.brokerCustomizer = brokerCustomizer;
        this.storeCustomizer = storeCustomizer;
    }

    /** Starts a name server and a broker with test-friendly defaults (small segments, auto-create on). */
    public static EmbeddedBroker start(Path storeDir) {
        return start(storeDir, c -> c, s -> s);
    }

    /** Starts with the given adjustments to the broker's and the store's settings. */
    public static EmbeddedBroker start(Path storeDir, UnaryOperator<BrokerConfig> brokerCustomizer,
            UnaryOperator<StoreConfig> storeCustomizer) {
        var embedded = new EmbeddedBroker(storeDir, brokerCustomizer, storeCustomizer);
        embedded.nameServer = new NameServer(NameServerConfig.defaults().withPort(0));
        embedded.nameServer.start();
        embedded.startBroker();
        return embedded;
    }

    /** Stops the broker gracefully and starts it again on the same store and port; the name server keeps running. */
    public void restartBroker() {
        int port = broker.port();
        broker.close();
        broker = Broker.start(brokerConfig().withPort(port), storeConfig());
    }

    private void startBroker() {
        broker = Broker.start(brokerConfig(), storeConfig());
    }

    private BrokerConfig brokerConfig() {
        var base = BrokerConfig.defaults().withPort(0).withNameServers(List.of(nameServerAddress()));
        return brokerCustomizer.apply(base);
    }

    private StoreConfig storeConfig() {
        var base = StoreConfig.defaults(storeDir, new InetSocketAddress("127.0.0.1", 0))
                .withCommitLogSegmentSize(16 * 1024 * 1024)
                .withConsumeQueueEntriesPerFile(10_000)
                .withFlushDiskType(FlushDiskType.ASYNC_FLUSH);
        return storeCustomizer.apply(base);
    }

    public String nameServerAddress() {
        return "127.0.0.1:" + nameServer.port();
    }

    public String brokerAddress() {
        return broker.address();
    }

    public Broker broker() {
        return broker;
    }

    public NameServer nameServer() {
        return nameServer;
    }

    public Path storeDir() {
        return storeDir;
    }

    @Override
    public void close() {
        try {
            if (broker != null) {
                broker.close();
            }
        } finally {
            if (nameServer != null) {
                nameServer.close();
            }
        }
    }
}
