package io.mq.broker.registration;

import io.mq.protocol.body.KVTable;
import io.mq.protocol.body.RegisterBrokerBody;
import io.mq.protocol.body.RegisterBrokerResult;
import io.mq.protocol.body.TopicConfigSerializeWrapper;
import io.mq.protocol.header.RegisterBrokerRequestHeader;
import io.mq.protocol.header.RegisterBrokerResponseHeader;
import io.mq.protocol.header.UnRegisterBrokerRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemotingClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a broker registered with its name servers, as RocketMQ's BrokerOuterAPI does: at start (waiting for
 * the answers), every period, and on {@link #registerNow()} (after a topic change); unregisters on
 * {@link #close()}. A name server that fails is logged and tried again at the next period: nothing is thrown
 * into the broker.
 */
public final class NameServerRegistrar implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NameServerRegistrar.class);
    /** Beyond the request timeout, for the registrar's own thread to build and hand out the registration. */
    private static final long START_SLACK_MILLIS = 1_000;

    private final RemotingClient client;
    private final List<String> nameServers;
    private final BrokerIdentity identity;
    private final Supplier<TopicConfigSerializeWrapper> topics;
    private final RegistrarConfig config;
    private final ScheduledExecutorService scheduler;
    private volatile boolean started;
    /** Set once a registration went out, so {@link #close()} knows there is something to undo. */
    private volatile boolean registered;

    /** The client is shared, not owned: {@link #close()} leaves it open. */
    public NameServerRegistrar(RemotingClient client, List<String> nameServers, BrokerIdentity identity,
                               Supplier<TopicConfigSerializeWrapper> topics, RegistrarConfig config) {
        this.client = Objects.requireNonNull(client, "client");
        this.nameServers = List.copyOf(nameServers);
        this.identity = Objects.requireNonNull(identity, "identity");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "namesrv-registrar-" + identity.brokerName());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Registers now, waiting for every name server's answer (each bounded by the request timeout), then every
     * period. A broker that returns from start-up is routable at once, as RocketMQ's broker registers synchronously
     * in its start: clients asking a name server right after it never miss it. A name server that fails is logged
     * and tried again at the next period.
     */
    public void start() {
        synchronized (this) {
            if (started) {
                return;
            }
            started = true;
        }
        try {
            registerNow().get(config.requestTimeout().toMillis() + START_SLACK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("broker {}: name servers did not answer the first registration in time; retrying every {}",
                    identity.brokerName(), config.period());
        } catch (ExecutionException e) {
            throw new IllegalStateException("registerNow never completes exceptionally", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long period = config.period().toMillis();
        try {
            scheduler.scheduleAtFixedRate(this::registerQuietly, period, period, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed while the first registration was on its way: nothing left to schedule
        }
    }

    /**
     * Registers with every name server at once (call it after topics change). Completes, never exceptionally,
     * with the answers of the name servers that accepted the registration.
     */
    public CompletableFuture<List<RegisterBrokerResult>> registerNow() {
        var done = new CompletableFuture<List<RegisterBrokerResult>>();
        try {
            scheduler.execute(() -> registerAll().whenComplete((results, e) -> done.complete(results)));
        } catch (RejectedExecutionException e) {
            done.complete(List.of()); // closed
        }
        return done;
    }

    private void registerQuietly() {
        registerAll();
    }

    /** Runs on the scheduler thread, so registrations are built and sent in order. */
    private CompletableFuture<List<RegisterBrokerResult>> registerAll() {
        byte[] body;
        try {
            var wrapper = topics.get();
            body = new RegisterBrokerBody(wrapper, List.of()).encode(config.compressBody());
        } catch (RuntimeException e) {
            log.warn("broker {}: could not read its topic configs to register: {}", identity.brokerName(), e.toString());
            return CompletableFuture.completedFuture(List.of());
        }
        var header = new RegisterBrokerRequestHeader(identity.brokerName(), identity.brokerAddr(),
                identity.clusterName(), identity.haServerAddr(), identity.brokerId(),
                config.heartbeatTimeout() == null ? null : config.heartbeatTimeout().toMillis(), null,
                config.compressBody(), crc32(body));
        registered = true;
        var results = new ArrayList<CompletableFuture<RegisterBrokerResult>>();
        for (var nameServer : nameServers) {
            results.add(registerWith(nameServer, header, body));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> results.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
    }

    /** Completes with the name server's answer, or null when it failed (already logged). */
    private CompletableFuture<RegisterBrokerResult> registerWith(String nameServer, RegisterBrokerRequestHeader header,
                                                                 byte[] body) {
        var request = RemotingCommand.request(RequestCode.REGISTER_BROKER, header).body(body);
        CompletableFuture<RemotingCommand> sent;
        try {
            sent = client.invokeAsync(nameServer, request, config.requestTimeout().toMillis());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((response, error) -> {
            if (error != null) {
                log.warn("broker {}: register with name server {} failed: {}", identity.brokerName(), nameServer,
                        error.toString());
                return null;
            }
            if (response.code() != ResponseCode.SUCCESS) {
                log.warn("broker {}: name server {} refused the registration: code {} {}", identity.brokerName(),
                        nameServer, response.code(), response.remark());
                return null;
            }
            var answer = RegisterBrokerResponseHeader.from(response);
            var kv = response.body() == null || response.body().length == 0 ? null : KVTable.decode(response.body());
            log.debug("broker {}: registered with name server {}", identity.brokerName(), nameServer);
            return new RegisterBrokerResult(answer.haServerAddr(), answer.masterAddr(), kv);
        });
    }

    /** Stops registering and unregisters from every name server (each failure logged). */
    @Override
    public synchronized void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!registered) {
            return;
        }
        started = false;
        registered = false;
        var header = new UnRegisterBrokerRequestHeader(identity.brokerName(), identity.brokerAddr(),
                identity.clusterName(), identity.brokerId());
        for (var nameServer : nameServers) {
            try {
                var response = client.invokeSync(nameServer, RemotingCommand.request(RequestCode.UNREGISTER_BROKER, header),
                        config.requestTimeout().toMillis());
                if (response.code() != ResponseCode.SUCCESS) {
                    log.warn("broker {}: name server {} refused to unregister it: code {} {}", identity.brokerName(),
                            nameServer, response.code(), response.remark());
                }
            } catch (RuntimeException e) {
                log.warn("broker {}: unregister from name server {} failed: {}", identity.brokerName(), nameServer,
                        e.toString());
            }
        }
    }

    private static int crc32(byte[] body) {
        var crc = new CRC32();
        crc.update(body);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}
