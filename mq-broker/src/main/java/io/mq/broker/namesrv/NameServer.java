package io.mq.broker.namesrv;

import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.NettyRemotingServer;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RemotingServer;
import io.mq.protocol.transport.RequestProcessor;
import io.mq.protocol.transport.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A RocketMQ-compatible name server: a {@link RouteRegistry} and a {@link KvConfigStore} served over a
 * {@link RemotingServer}, with a periodic scan that drops brokers whose heartbeats stopped.
 */
public final class NameServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NameServer.class);

    private final NameServerConfig config;
    private final RouteRegistry registry;
    private final KvConfigStore kvConfig;
    private final RemotingServer server;
    private final ExecutorService processors;
    private final ScheduledExecutorService scanner;
    private volatile boolean started;

    /** A name server on a Netty transport listening on all interfaces at the configured port. */
    public NameServer(NameServerConfig config) {
        this(config, port -> new NettyRemotingServer(ServerConfig.ofPort(port)));
    }

    /**
     * A name server on the transport {@code serverFactory} makes for the configured port. The server is owned:
     * {@link #close()} closes it.
     */
    public NameServer(NameServerConfig config, IntFunction<RemotingServer> serverFactory) {
        this.config = config;
        this.registry = new RouteRegistry(config.brokerExpiry());
        this.kvConfig = new KvConfigStore(config.kvConfigPath());
        this.server = serverFactory.apply(config.port());
        this.processors = Executors.newFixedThreadPool(config.processorThreads(), threads("namesrv-processor"));
        this.scanner = Executors.newSingleThreadScheduledExecutor(threads("namesrv-expiry-scan"));
    }

    /** Registers the processors, binds and starts the expiry scan; returns the bound port. */
    public synchronized int start() {
        if (started) {
            return server.port();
        }
        var brokers = new BrokerRequests(registry, kvConfig);
        var routes = new RouteRequests(registry, kvConfig, config.orderMessageEnable());
        var kv = new KvConfigRequests(kvConfig);
        on(RequestCode.REGISTER_BROKER, brokers::register);
        on(RequestCode.UNREGISTER_BROKER, brokers::unregister);
        on(RequestCode.QUERY_DATA_VERSION, brokers::queryDataVersion);
        on(RequestCode.GET_ROUTEINFO_BY_TOPIC, routes::route);
        on(RequestCode.GET_BROKER_CLUSTER_INFO, routes::clusterInfo);
        on(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, routes::allTopics);
        on(RequestCode.GET_TOPICS_BY_CLUSTER, routes::topicsByCluster);
        on(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS, routes::systemTopics);
        on(RequestCode.DELETE_TOPIC_IN_NAMESRV, routes::deleteTopic);
        on(RequestCode.WIPE_WRITE_PERM_OF_BROKER, routes::wipeWritePerm);
        on(RequestCode.ADD_WRITE_PERM_OF_BROKER, routes::addWritePerm);
        on(RequestCode.PUT_KV_CONFIG, kv::put);
        on(RequestCode.GET_KV_CONFIG, kv::get);
        on(RequestCode.DELETE_KV_CONFIG, kv::delete);
        on(RequestCode.GET_KVLIST_BY_NAMESPACE, kv::list);
        on(RequestCode.GET_NAMESRV_CONFIG, this::describeConfig);
        server.registerChannelEventListener(registry::onChannelClosed);

        int port = server.start();
        long scanMillis = config.scanInterval().toMillis();
        scanner.scheduleWithFixedDelay(this::scanExpiredBrokers, scanMillis, scanMillis, TimeUnit.MILLISECONDS);
        started = true;
        log.info("name server listening on port {} (broker expiry {}, scan every {})", port, config.brokerExpiry(),
                config.scanInterval());
        return port;
    }

    /** The bound port (valid after {@link #start()}). */
    public int port() {
        return server.port();
    }

    /** "127.0.0.1:port": what a broker or client on this host puts in its name-server list. */
    public String localAddress() {
        return "127.0.0.1:" + port();
    }

    /** The routes, for an in-process broker or for tests. */
    public RouteRegistry registry() {
        return registry;
    }

    public KvConfigStore kvConfig() {
        return kvConfig;
    }

    @Override
    public synchronized void close() {
        scanner.shutdownNow();
        server.close();
        processors.shutdown();
        try {
            if (!processors.awaitTermination(5, TimeUnit.SECONDS)) {
                processors.shutdownNow();
            }
        } catch (InterruptedException e) {
            processors.shutdownNow();
            Thread.currentThread().interrupt();
        }
        started = false;
        log.info("name server stopped");
    }

    private void on(int code, RequestProcessor processor) {
        server.registerProcessor(code, processor, processors);
    }

    private void scanExpiredBrokers() {
        try {
            var expired = registry.removeExpiredBrokers();
            if (!expired.isEmpty()) {
                log.warn("removed expired brokers {}", expired);
            }
        } catch (RuntimeException e) {
            // One failed scan must not end the schedule.
            log.error("broker expiry scan failed", e);
        }
    }

    /** GET_NAMESRV_CONFIG: the settings as properties text, as mqadmin getNamesrvConfig prints them. */
    private RemotingCommand describeConfig(RemoteChannel channel, RemotingCommand request) {
        var text = "listenPort=" + port() + "\n"
                + "brokerExpiryMillis=" + config.brokerExpiry().toMillis() + "\n"
                + "scanIntervalMillis=" + config.scanInterval().toMillis() + "\n"
                + "kvConfigPath=" + (config.kvConfigPath() == null ? "" : config.kvConfigPath()) + "\n"
                + "orderMessageEnable=" + config.orderMessageEnable() + "\n";
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        var counter = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
