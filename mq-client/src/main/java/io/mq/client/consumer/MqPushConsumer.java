package io.mq.client.consumer;

import io.mq.client.ClientConfig;
import io.mq.client.ClientInstance;
import io.mq.client.ClientThreads;
import io.mq.client.ConsumerHooks;
import io.mq.protocol.body.ConsumeType;
import io.mq.protocol.body.ConsumerData;
import io.mq.protocol.body.MessageQueue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A push consumer: subscribes a group to topics, shares their queues with the group's other members (or reads all
 * of them when broadcasting), long-polls each of its queues and hands the messages to a {@link ConcurrentListener}
 * or an {@link OrderlyListener}. Failed messages go back to the broker for retry, then to {@code %DLQ%group}.
 * Build with {@link #builder(ClientConfig, ConsumerConfig)}; {@link #close()} stops pulling, lets the listener calls
 * under way finish (bounded), commits the offsets, unlocks the queues and leaves the group.
 */
public final class MqPushConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqPushConsumer.class);

    private final ConsumerConfig config;
    private final Map<String, TopicSubscription> subscriptions;
    private final boolean orderly;
    private final ClientInstance client;
    private final ScheduledExecutorService scheduler;
    private final OffsetStore offsets;
    private final ConsumeDispatcher dispatcher;
    private final QueuePuller puller;
    private final QueueLocks locks;
    private final Rebalancer rebalancer;
    /** Serialises commits with an offset reset, so a commit of old offsets cannot land after the reset's. */
    private final Object offsetCommits = new Object();
    private volatile boolean closed;

    private MqPushConsumer(ClientConfig clientConfig, ConsumerConfig config,
            Map<String, TopicSubscription> subscriptions, MessageListener listener) {
        this.config = config;
        this.orderly = listener instanceof OrderlyListener;
        var subs = new LinkedHashMap<>(subscriptions);
        if (config.clustering()) {
            // Messages handed back for retry come from the group's retry topic: read it too.
            var retry = Redelivery.retryTopic(config.group());
            subs.put(retry, TopicSubscription.of(retry, MessageSelector.all()));
        }
        this.subscriptions = Map.copyOf(subs);
        this.client = ClientInstance.acquire(clientConfig);
        this.scheduler = new ScheduledThreadPoolExecutor(2, ClientThreads.factory("consumer-" + config.group()));
        this.offsets = config.clustering() ? new RemoteOffsetStore(client, config.group())
                : new LocalFileOffsetStore(config.offsetStoreDir(), client.clientId(), config.group());
        var sendBack = new SendBack(client, config.group(), config.effectiveMaxReconsumeTimes(orderly));
        this.locks = new QueueLocks(client, config.group());
        this.dispatcher = listener instanceof OrderlyListener ordered
                ? new OrderlyDispatcher(config, ordered, offsets, sendBack, locks, scheduler)
                : new ConcurrentDispatcher(config, (ConcurrentListener) listener, offsets, sendBack, scheduler);
        this.puller = new QueuePuller(client, config, this.subscriptions::get, offsets, dispatcher, scheduler);
        this.rebalancer = new Rebalancer(client, config, this.subscriptions::keySet, offsets, puller, locks,
                orderly);
    }

    public static Builder builder(ClientConfig clientConfig, ConsumerConfig config) {
        return new Builder(clientConfig, config);
    }

    private void start() {
        try {
            offsets.load();
            client.registerConsumer(config.group(), new Hooks());
            for (var topic : subscriptions.keySet()) {
                try {
                    client.route(topic);
                } catch (RuntimeException e) {
                    log.warn("group {} subscribes to {}, which has no route yet: {}", config.group(), topic,
                            e.getMessage());
                }
            }
            // The broker must know the subscription before the first pull (pulls refer to it by version).
            client.sendHeartbeatNow();
            rebalancer.rebalance();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        long rebalance = config.rebalanceInterval().toMillis();
        long persist = config.persistInterval().toMillis();
        scheduler.scheduleWithFixedDelay(guarded("rebalance", rebalancer::rebalance), rebalance, rebalance,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded("offset commit", this::persistOffsets), persist, persist,
                TimeUnit.MILLISECONDS);
        long housekeeping = Math.max(1000, Math.min(60_000, config.consumeTimeout().toMillis() / 2));
        scheduler.scheduleWithFixedDelay(guarded("consume timeout", () -> rebalancer.table()
                .forEach((queue, pq) -> dispatcher.housekeeping(queue, pq))), housekeeping, housekeeping,
                TimeUnit.MILLISECONDS);
        if (orderly && config.clustering()) {
            scheduler.scheduleWithFixedDelay(guarded("queue lock renewal", () -> locks.renew(rebalancer.table())),
                    20_000, 20_000, TimeUnit.MILLISECONDS);
        }
        log.info("push consumer {} started in client {}: {} {}, topics {}", config.group(), client.clientId(),
                config.messageModel(), orderly ? "orderly" : "concurrently", subscriptions.keySet());
    }

    public ConsumerConfig config() {
        return config;
    }

    /** The subscriptions, the group's retry topic included when clustering. */
    public Map<String, TopicSubscription> subscriptions() {
        return subscriptions;
    }

    /** The queues this consumer holds now. */
    public Set<MessageQueue> assignedQueues() {
        return Set.copyOf(rebalancer.table().keySet());
    }

    /** The offsets this consumer holds in memory (the next to consume of each queue it consumed). */
    public Map<MessageQueue, Long> offsets() {
        return offsets.snapshot();
    }

    /** Shares the queues out again now (also done every rebalance interval and when the group changes). */
    public void rebalanceNow() {
        runSoon(rebalancer::rebalance);
    }

    /** Commits the offsets of the queues held now. */
    public void persistOffsets() {
        synchronized (offsetCommits) {
            offsets.persist(rebalancer.table().keySet());
        }
    }

    public ClientInstance client() {
        return client;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        puller.stop();
        scheduler.shutdownNow();
        dispatcher.shutdown();
        awaitScheduler();
        var held = new ArrayList<>(rebalancer.table().keySet());
        try {
            offsets.persist(held);
            if (orderly && config.clustering() && !held.isEmpty()) {
                locks.unlock(held);
            }
        } catch (RuntimeException e) {
            log.warn("group {}: committing offsets on close failed", config.group(), e);
        }
        rebalancer.dropAll();
        client.unregisterConsumer(config.group());
        client.close();
        log.info("push consumer {} closed", config.group());
    }

    private void awaitScheduler() {
        try {
            scheduler.awaitTermination(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runSoon(Runnable task) {
        try {
            scheduler.execute(guarded("rebalance", task));
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("group {}: {} failed: {}", config.group(), what, e.getMessage(), e);
            }
        };
    }

    /** What the client instance asks of this consumer on the broker's behalf. */
    private final class Hooks implements ConsumerHooks {

        @Override
        public ConsumerData consumerData() {
            var data = new LinkedHashSet<io.mq.protocol.body.SubscriptionData>();
            subscriptions.values().forEach(s -> data.add(s.toData()));
            return new ConsumerData(config.group(), ConsumeType.CONSUME_PASSIVELY, config.messageModel(),
                    config.consumeFrom().wire(), data, false);
        }

        @Override
        public void consumerIdsChanged() {
            rebalanceNow();
        }

        @Override
        public void resetOffset(String topic, Map<MessageQueue, Long> newOffsets) {
            runSoon(() -> {
                log.info("group {}: offsets of {} reset to {}", config.group(), topic, newOffsets);
                synchronized (offsetCommits) {
                    rebalancer.dropTopic(topic);
                    newOffsets.forEach((queue, offset) -> offsets.update(queue, offset, false));
                    offsets.persist(newOffsets.keySet());
                    newOffsets.keySet().forEach(offsets::remove);
                }
                rebalancer.rebalance();
            });
        }
    }

    /** Collects the subscriptions and the listener, then {@link #start()}s the consumer. */
    public static final class Builder {
        private final ClientConfig clientConfig;
        private final ConsumerConfig config;
        private final Map<String, TopicSubscription> subscriptions = new LinkedHashMap<>();
        private MessageListener listener;

        private Builder(ClientConfig clientConfig, ConsumerConfig config) {
            this.clientConfig = Objects.requireNonNull(clientConfig, "clientConfig");
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Subscribes to a topic by tag expression ({@code "*"}, {@code "a || b"}); a later call replaces it. */
        public Builder subscribe(String topic, String tagExpression) {
            return subscribe(topic, MessageSelector.tag(tagExpression));
        }

        public Builder subscribe(String topic, MessageSelector selector) {
            subscriptions.put(topic, TopicSubscription.of(topic, selector));
            return this;
        }

        public Builder listener(ConcurrentListener listener) {
            this.listener = listener;
            return this;
        }

        public Builder orderlyListener(OrderlyListener listener) {
            this.listener = listener;
            return this;
        }

        /** Starts consuming; throws when the group is already registered in this client or nothing is set. */
        public MqPushConsumer start() {
            if (subscriptions.isEmpty()) {
                throw new IllegalStateException("subscribe to at least one topic before starting");
            }
            if (listener == null) {
                throw new IllegalStateException("set a listener before starting");
            }
            var consumer = new MqPushConsumer(clientConfig, config, subscriptions, listener);
            consumer.start();
            return consumer;
        }
    }
}
