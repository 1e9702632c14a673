package io.mq.broker;

import io.mq.broker.client.ClientHousekeeping;
import io.mq.broker.client.ConsumerRegistry;
import io.mq.broker.client.ProducerRegistry;
import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.processor.offset.OffsetProcessors;
import io.mq.broker.processor.pull.PullProcessors;
import io.mq.broker.processor.admin.AdminProcessors;
import io.mq.broker.processor.client.ClientProcessors;
import io.mq.broker.processor.lock.QueueLockProcessors;
import io.mq.broker.processor.query.QueryProcessors;
import io.mq.broker.processor.reply.ReplyProcessors;
import io.mq.broker.processor.retry.RetryProcessors;
import io.mq.broker.processor.send.SendProcessors;
import io.mq.broker.processor.transaction.TransactionProcessors;
import io.mq.broker.registration.BrokerIdentity;
import io.mq.broker.schedule.ScheduleProcessors;
import io.mq.broker.schedule.ScheduleTagsCodes;
import io.mq.broker.registration.NameServerRegistrar;
import io.mq.broker.registration.RegistrarConfig;
import io.mq.broker.registration.TopicConfigSnapshot;
import io.mq.broker.store.DefaultMessageStore;
import io.mq.broker.store.StoreConfig;
import io.mq.broker.subscription.SubscriptionGroups;
import io.mq.broker.topic.TopicListener;
import io.mq.broker.topic.TopicRegistry;
import io.mq.broker.topic.TopicSettings;
import io.mq.protocol.transport.NettyRemotingClient;
import io.mq.protocol.transport.NettyRemotingServer;
import io.mq.protocol.transport.RemotingServer;
import io.mq.protocol.transport.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running broker: the store, the metadata registries, the request processors and the server that feeds them.
 * Built by {@link #start(BrokerConfig, StoreConfig)}; {@link #close()} stops it gracefully (flushes the store).
 */
public final class Broker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Broker.class);

    private final BrokerConfig config;
    private final int port;
    private final BrokerRuntime runtime;
    private final RemotingServer server;
    private final ClientHousekeeping housekeeping;
    private final List<AutoCloseable> closeInReverse;

    private Broker(BrokerConfig config, int port, BrokerRuntime runtime, RemotingServer server,
            ClientHousekeeping housekeeping, List<AutoCloseable> closeInReverse) {
        this.config = config;
        this.port = port;
        this.runtime = runtime;
        this.server = server;
        this.housekeeping = housekeeping;
        this.closeInReverse = closeInReverse;
    }

    /** Recovers the store, loads metadata, binds the port and starts serving. */
    public static Broker start(BrokerConfig config, StoreConfig storeConfig) {
        var closeables = new ArrayList<AutoCloseable>();
        try {
            int port = config.port() == 0 ? freePort() : config.port();
            var store = new DefaultMessageStore(
                    storeConfig.withStoreHost(new InetSocketAddress(config.brokerIp(), port)),
                    new ScheduleTagsCodes(config.messageDelayLevel()));
            store.start();
            closeables.add(store::shutdown);

            var root = storeConfig.rootDir();
            var topics = TopicRegistry.open(root, TopicSettings.defaults(config.clusterName(), config.brokerName())
                    .withAutoCreateTopicEnable(config.autoCreateTopic()));
            var offsets = ConsumerOffsets.open(root);
            offsets.start();
            closeables.add(offsets::close);
            var groups = SubscriptionGroups.open(root, true);
            var consumers = new ConsumerRegistry();
            var producers = new ProducerRegistry();
            var housekeeping = new ClientHousekeeping(consumers, producers);
            housekeeping.start();
            closeables.add(housekeeping::close);

            var sendExecutor = executor("send", 1, 10_000);
            var pullExecutor = executor("pull", 8, 10_000);
            var adminExecutor = executor("admin", 4, 10_000);
            var scheduler = Executors.newScheduledThreadPool(1, threads("broker-scheduler"));
            closeables.add(() -> shutdown(sendExecutor, pullExecutor, adminExecutor, scheduler));

            var runtime = new BrokerRuntime(config, store, topics, offsets, groups, consumers, producers,
                    sendExecutor, pullExecutor, adminExecutor, scheduler);
            var server = new NettyRemotingServer(ServerConfig.ofPort(port).withMaxFrameLength(config.maxFrameLength()));
            server.registerChannelEventListener(housekeeping);
            registerProcessors(server, runtime, closeables);
            server.start();
            closeables.add(server::close);
            registerWithNameServers(config, port, topics, closeables);

            var broker = new Broker(config, port, runtime, server, housekeeping, closeables);
            log.info("Broker {} of cluster {} serving at {}", config.brokerName(), config.clusterName(),
                    config.address(port));
            return broker;
        } catch (RuntimeException e) {
            closeAll(closeables);
            throw e;
        }
    }

    /** Each area registers its own request codes; the processors take only the collaborators they need. */
    private static void registerProcessors(RemotingServer server, BrokerRuntime runtime, List<AutoCloseable> closeables) {
        SendProcessors.register(server, runtime, closeables);
        PullProcessors.register(server, runtime, closeables);
        ScheduleProcessors.register(server, runtime, closeables);
        RetryProcessors.register(server, runtime, closeables);
        OffsetProcessors.register(server, runtime, closeables);
        ClientProcessors.register(server, runtime, closeables);
        AdminProcessors.register(server, runtime, closeables);
        QueueLockProcessors.register(server, runtime, closeables);
        QueryProcessors.register(server, runtime, closeables);
        TransactionProcessors.register(server, runtime, closeables);
        ReplyProcessors.register(server, runtime, closeables);
    }

    /**
     * Registers with the configured name servers now, every register interval and after each topic change; the
     * registrar is closed (unregistering the broker) before the server stops, since closeables close in reverse.
     */
    private static void registerWithNameServers(BrokerConfig config, int port, TopicRegistry topics,
            List<AutoCloseable> closeables) {
        if (config.nameServers().isEmpty()) {
            return;
        }
        var client = new NettyRemotingClient();
        closeables.add(client::close);
        var identity = BrokerIdentity.master(config.clusterName(), config.brokerName(), config.address(port),
                config.address(port + 1));
        var registrar = new NameServerRegistrar(client, config.nameServers(), identity,
                () -> TopicConfigSnapshot.of(topics), RegistrarConfig.defaults().withPeriod(config.registerInterval()));
        // registerNow hands the work to the registrar's own thread: a send that auto-creates a topic never waits.
        TopicListener reRegister = change -> registrar.registerNow();
        topics.addListener(reRegister);
        closeables.add(() -> topics.removeListener(reRegister));
        // Closed (unregistering) whatever start() achieved; start() returns once the name servers answered, so a
        // client asking them for a route as soon as the broker is up finds it.
        closeables.add(registrar::close);
        registrar.start();
    }

    public int port() {
        return port;
    }

    /** "ip:port" as clients and the name server see it. */
    public String address() {
        return config.address(port);
    }

    public BrokerConfig config() {
        return config;
    }

    /** The running parts, for tests and embedding code that needs to look inside. */
    public BrokerRuntime runtime() {
        return runtime;
    }

    /** Stops serving, lets in-flight work finish, persists offsets and flushes the store. */
    @Override
    public void close() {
        closeAll(closeInReverse);
        log.info("Broker {} stopped", config.brokerName());
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                log.warn("Error while stopping the broker", e);
            }
        }
        closeables.clear();
    }

    private static ExecutorService executor(String name, int threads, int queueCapacity) {
        // A bounded queue: when it is full the transport answers SYSTEM_BUSY instead of buffering without end.
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queueCapacity),
                threads("broker-" + name));
    }

    private static ThreadFactory threads(String prefix) {
        var counter = new AtomicInteger();
        return r -> {
            var t = new Thread(r, prefix + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void shutdown(ExecutorService... executors) throws InterruptedException {
        for (var e : executors) {
            e.shutdown();
        }
        for (var e : executors) {
            if (!e.awaitTermination(5, TimeUnit.SECONDS)) {
                e.shutdownNow();
            }
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
