package io.mq.client;

import io.mq.protocol.header.UnregisterClientRequestHeader;
import io.mq.protocol.transport.NettyRemotingClient;
import io.mq.protocol.transport.RemotingClient;
import io.mq.protocol.transport.RequestProcessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client towards a RocketMQ cluster, shared by every producer, consumer and admin with the same client id and
 * name servers: one connection per broker and name server, the topic routes and broker directory, the heartbeat to
 * every broker of the routes, and the requests brokers send to clients, routed to the registered groups. Obtain it
 * with {@link #acquire(ClientConfig)}; each acquire needs one {@link #close()}, the last one stops everything.
 */
public final class ClientInstance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClientInstance.class);
    private static final Map<String, ClientInstance> INSTANCES = new HashMap<>();

    private final ClientConfig config;
    private final String key;
    private final NettyRemotingClient remoting;
    private final NameServerApi nameServerApi;
    private final BrokerApi brokerApi;
    private final RouteTable routes;
    private final ClientGroups groups = new ClientGroups();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService requestExecutor;
    private final ExecutorService asyncExecutor;
    private final Heartbeats heartbeats;
    private int references;
    private volatile boolean closed;

    private ClientInstance(ClientConfig config, String key) {
        this.config = config;
        this.key = key;
        this.remoting = new NettyRemotingClient(io.mq.protocol.transport.ClientConfig.defaults()
                .withConnectTimeout(config.connectTimeout()));
        this.nameServerApi = new NameServerApi(remoting, config.nameServers(), config.requestTimeout());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(ClientThreads.factory("scheduler"));
        this.requestExecutor = Executors.newFixedThreadPool(2, ClientThreads.factory("requests"));
        this.asyncExecutor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                ClientThreads.factory("async"));
        this.routes = new RouteTable(nameServerApi, added -> runLater(this::sendHeartbeatNow));
        this.brokerApi = new BrokerApi(remoting, new BrokerCalls(remoting, address -> directory().brokerNameOf(address)));
        this.heartbeats = new Heartbeats(config.clientId(), groups, brokerApi, this::directory,
                config.requestTimeout().toMillis());
    }

    /** The shared instance for this client id and these name servers, started on first use. */
    public static ClientInstance acquire(ClientConfig config) {
        var key = config.clientId() + "|" + String.join(";", config.nameServers());
        synchronized (INSTANCES) {
            var instance = INSTANCES.get(key);
            if (instance == null) {
                instance = new ClientInstance(config, key);
                instance.start();
                INSTANCES.put(key, instance);
            } else if (!instance.config.equals(config)) {
                log.warn("client {} is shared; settings {} are ignored in favour of those it started with: {}",
                        config.clientId(), config, instance.config);
            }
            instance.references++;
            return instance;
        }
    }

    private void start() {
        long poll = config.routePollInterval().toMillis();
        long beat = config.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(guarded("route poll", routes::refreshAll), poll, poll, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded("heartbeat", this::sendHeartbeatNow), 1000, beat,
                TimeUnit.MILLISECONDS);
        new ServerRequests(groups, address -> directory().brokerNameOf(address).orElse(null))
                .registerWith(remoting, requestExecutor);
        log.info("client {} started, name servers {}", config.clientId(), config.nameServers());
    }

    public String clientId() {
        return config.clientId();
    }

    public ClientConfig config() {
        return config;
    }

    public BrokerApi brokerApi() {
        return brokerApi;
    }

    public NameServerApi nameServerApi() {
        return nameServerApi;
    }

    // ---- routes

    /** A topic's own route: cached, else fetched now; throws (TOPIC_NOT_EXIST and the name server's remark) if none. */
    public TopicRoute route(String topic) {
        return routes.route(topic);
    }

    /**
     * The route producers send by: the topic's own, else the auto-create template's ({@code templateTopic}, usually
     * TBW102) with at most {@code queueNums} queues, so the broker creates the topic on the first send.
     */
    public TopicRoute publishRoute(String topic, String templateTopic, int queueNums) {
        return routes.publishRoute(topic, templateTopic, queueNums);
    }

    /** The cached route, without asking the name server. */
    public Optional<TopicRoute> cachedRoute(String topic) {
        return routes.cached(topic);
    }

    /** Fetches a topic's route now (listeners hear of a change); empty when the name server has none. */
    public Optional<TopicRoute> refreshRoute(String topic) {
        return routes.refresh(topic);
    }

    /** Every topic whose route is used is polled each route-poll interval; listeners hear of changes. */
    public void addRouteListener(RouteListener listener) {
        routes.addListener(listener);
    }

    /** Where the brokers of all known routes are. */
    public BrokerDirectory directory() {
        return routes.directory();
    }

    /** The master address of a broker, fetching {@code topic}'s route when the broker is not known yet. */
    public String masterAddress(String brokerName, String topic) {
        return directory().masterAddress(brokerName)
                .or(() -> routes.refresh(topic).flatMap(r -> r.masterAddress(brokerName)))
                .orElseThrow(() -> new MqClientException(MqClientException.BROKER_NOT_FOUND,
                        "no master address known for broker " + brokerName + " (topic " + topic + ")"));
    }

    // ---- groups and heartbeats

    /**
     * Announces a producer group in heartbeats (one goes out at once, in the background, as the official producer
     * sends one on start); a transactional one passes the checker for check-backs.
     */
    public void registerProducer(String group, TransactionChecker checker) {
        groups.addProducer(clientId(), group, checker);
        runLater(this::sendHeartbeatNow);
    }

    /**
     * Announces a consumer group in heartbeats (to every broker, slaves too; one goes out at once in the
     * background) and routes broker requests to it. Call {@link #sendHeartbeatNow()} to be sure brokers know the
     * group before asking them for its members.
     */
    public void registerConsumer(String group, ConsumerHooks hooks) {
        groups.addConsumer(clientId(), group, hooks);
        runLater(this::sendHeartbeatNow);
    }

    /** Stops announcing the group and tells every known broker (UNREGISTER_CLIENT), best effort. */
    public void unregisterProducer(String group) {
        if (groups.removeProducer(group)) {
            unregister(group, null);
        }
    }

    public void unregisterConsumer(String group) {
        if (groups.removeConsumer(group)) {
            unregister(null, group);
        }
    }

    /** Sends the heartbeat to every broker of the known routes now (masters only while no consumer is registered). */
    public void sendHeartbeatNow() {
        if (!closed) {
            heartbeats.sendToAll();
        }
    }

    /**
     * Handles another request code that brokers send to clients, beside the five routed to groups. Replaces any
     * earlier processor of the code.
     */
    public void registerProcessor(int requestCode, RequestProcessor processor) {
        remoting.registerProcessor(requestCode, processor, requestExecutor);
    }

    /** Threads for work that may block (route fetches of async sends); shared by the instance's users. */
    public ExecutorService asyncExecutor() {
        return asyncExecutor;
    }

    /** The transport, for requests neither API types. */
    public RemotingClient remoting() {
        return remoting;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Releases one reference; the last stops the scheduler, the executors and every connection. */
    @Override
    public void close() {
        synchronized (INSTANCES) {
            if (closed || --references > 0) {
                return;
            }
            closed = true;
            INSTANCES.remove(key, this);
        }
        scheduler.shutdownNow();
        requestExecutor.shutdownNow();
        asyncExecutor.shutdown();
        remoting.close();
        await(scheduler);
        await(requestExecutor);
        await(asyncExecutor);
        log.info("client {} closed", clientId());
    }

    private void unregister(String producerGroup, String consumerGroup) {
        var header = new UnregisterClientRequestHeader(clientId(), producerGroup, consumerGroup);
        List<String> addresses = directory().addresses(false);
        for (var address : addresses) {
            try {
                brokerApi.unregisterClient(address, header, config.requestTimeout().toMillis());
            } catch (MqClientException e) {
                log.debug("unregister from {} failed: {}", address, e.getMessage());
            }
        }
    }

    private void runLater(Runnable task) {
        try {
            scheduler.execute(guarded("heartbeat", task));
        } catch (RejectedExecutionException e) {
            // closing: nothing to announce any more
        }
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", what, e.getMessage(), e);
            }
        };
    }

    private static void await(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("client threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
