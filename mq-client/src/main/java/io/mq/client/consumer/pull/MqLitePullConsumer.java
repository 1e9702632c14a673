package io.mq.client.consumer.pull;

import io.mq.client.ClientConfig;
import io.mq.client.ClientInstance;
import io.mq.client.ClientThreads;
import io.mq.client.ConsumerHooks;
import io.mq.client.MessageView;
import io.mq.client.MqClientException;
import io.mq.client.PullResult;
import io.mq.client.consumer.ConsumerConfig;
import io.mq.client.consumer.LocalFileOffsetStore;
import io.mq.client.consumer.MessageSelector;
import io.mq.client.consumer.OffsetStore;
import io.mq.client.consumer.QueueAllocation;
import io.mq.client.consumer.RemoteOffsetStore;
import io.mq.client.consumer.StartOffset;
import io.mq.client.consumer.TopicSubscription;
import io.mq.protocol.body.ConsumeType;
import io.mq.protocol.body.ConsumerData;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.header.PullMessageRequestHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lite pull consumer (RocketMQ's DefaultLitePullConsumer): the application calls {@link #poll(Duration)}; behind it
 * a long-poll per queue fills a buffer (paused per queue over pullThresholdForQueue). Queues come from
 * {@link #subscribe} (shared with the group by rebalance, as the push consumer does) or are given by
 * {@link #assign}. The offset of a queue moves past what poll returned; {@link #commit()} persists it now, and
 * auto-commit (on by default) every persist interval. Not for use by several threads at once, except close.
 */
public final class MqLitePullConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqLitePullConsumer.class);
    private static final long FLOW_CONTROL_DELAY_MILLIS = 50;
    private static final long ERROR_DELAY_MILLIS = 1000;

    private final ConsumerConfig config;
    private final ClientInstance client;
    private final OffsetStore offsets;
    private final ScheduledExecutorService scheduler;
    private final Map<String, TopicSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<MessageQueue, LiteQueue> queues = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Fetched> buffer = new LinkedBlockingQueue<>();
    private volatile boolean assigned;
    private volatile boolean closed;

    private MqLitePullConsumer(ClientConfig clientConfig, ConsumerConfig config, boolean autoCommit) {
        this.config = config;
        this.client = ClientInstance.acquire(clientConfig);
        this.offsets = config.clustering() ? new RemoteOffsetStore(client, config.group())
                : new LocalFileOffsetStore(config.offsetStoreDir(), client.clientId(), config.group());
        this.scheduler = new ScheduledThreadPoolExecutor(2, ClientThreads.factory("lite-pull-" + config.group()));
        offsets.load();
        client.registerConsumer(config.group(), new Hooks());
        long rebalance = config.rebalanceInterval().toMillis();
        scheduler.scheduleWithFixedDelay(guarded(this::rebalance), rebalance, rebalance, TimeUnit.MILLISECONDS);
        if (autoCommit) {
            long persist = config.persistInterval().toMillis();
            scheduler.scheduleWithFixedDelay(guarded(this::commit), persist, persist, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts a consumer of {@code config.group()}; subscribe or assign next. */
    public static MqLitePullConsumer start(ClientConfig clientConfig, ConsumerConfig config) {
        return new MqLitePullConsumer(clientConfig, config, true);
    }

    /** As {@link #start(ClientConfig, ConsumerConfig)}; without auto-commit only {@link #commit()} persists. */
    public static MqLitePullConsumer start(ClientConfig clientConfig, ConsumerConfig config, boolean autoCommit) {
        return new MqLitePullConsumer(clientConfig, config, autoCommit);
    }

    public void subscribe(String topic, String tagExpression) {
        subscribe(topic, MessageSelector.tag(tagExpression));
    }

    /** Reads a topic's queues, shared with the group's other members; not together with {@link #assign}. */
    public void subscribe(String topic, MessageSelector selector) {
        if (assigned) {
            throw new IllegalStateException("this consumer reads assigned queues; subscribe and assign do not mix");
        }
        subscriptions.put(topic, TopicSubscription.of(topic, selector));
        client.route(topic);
        client.sendHeartbeatNow();
        rebalance();
    }

    /** Reads exactly these queues (all messages), replacing any earlier assignment. */
    public synchronized void assign(Collection<MessageQueue> assignment) {
        if (!subscriptions.isEmpty() && !assigned) {
            throw new IllegalStateException("this consumer subscribes; subscribe and assign do not mix");
        }
        assigned = true;
        var wanted = new HashSet<>(assignment);
        for (var queue : wanted) {
            subscriptions.computeIfAbsent(queue.topic(), t -> TopicSubscription.of(t, MessageSelector.all()));
        }
        apply(wanted, topic -> true);
    }

    /** The queues read now. */
    public Set<MessageQueue> assignment() {
        return Set.copyOf(queues.keySet());
    }

    /**
     * The next buffered messages of one queue (at most pullBatchSize), waiting up to {@code timeout} for some; empty
     * when none came. Their queue's offset moves past them.
     */
    public List<MessageView> poll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed) {
            long left = deadline - System.nanoTime();
            Fetched fetched;
            try {
                fetched = left <= 0 ? buffer.poll() : buffer.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
            if (fetched == null) {
                return List.of();
            }
            fetched.queue.buffered.addAndGet(-fetched.messages.size());
            if (!fetched.queue.isCurrent(fetched.generation)) {
                continue; // fetched before a seek or a rebalance: not wanted any more
            }
            var last = fetched.messages.get(fetched.messages.size() - 1);
            offsets.update(fetched.queue.queue, last.queueOffset() + 1, false);
            return fetched.messages;
        }
        return List.of();
    }

    /** Reads {@code queue} from {@code offset} next; what was buffered for it is thrown away. */
    public void seek(MessageQueue queue, long offset) {
        var lite = queues.get(queue);
        if (lite == null) {
            throw new IllegalStateException(queue + " is not assigned to this consumer");
        }
        int generation = lite.seek(offset);
        offsets.update(queue, offset, false);
        pullLater(lite, generation, 0);
    }

    /** Persists the offsets of the queues read now (at the broker, or the local file when broadcasting). */
    public void commit() {
        offsets.persist(queues.keySet());
    }

    /** The committed offset of a queue as the broker (or the local file) has it; -1 when none. */
    public long committed(MessageQueue queue) {
        return offsets.readStored(queue);
    }

    /** The queues of a topic as the route has them, for {@link #assign}. */
    public List<MessageQueue> fetchQueues(String topic) {
        return client.route(topic).subscribeQueues();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commit();
        queues.values().forEach(LiteQueue::drop);
        queues.clear();
        buffer.clear();
        client.unregisterConsumer(config.group());
        client.close();
    }

    // ---- queues

    private synchronized void rebalance() {
        if (assigned || closed || subscriptions.isEmpty()) {
            return;
        }
        var wanted = new HashSet<MessageQueue>();
        var topics = new HashSet<String>();
        for (var topic : subscriptions.keySet()) {
            try {
                var route = client.route(topic);
                var all = route.subscribeQueues();
                if (config.clustering()) {
                    var addresses = route.masterAddresses();
                    if (addresses.isEmpty()) {
                        continue;
                    }
                    var ids = client.brokerApi().consumerIds(addresses.get(0), config.group(),
                            client.config().requestTimeout().toMillis());
                    if (ids.isEmpty()) {
                        continue;
                    }
                    wanted.addAll(QueueAllocation.averagely(client.clientId(), ids, all));
                } else {
                    wanted.addAll(all);
                }
                topics.add(topic);
            } catch (MqClientException e) {
                log.debug("lite pull rebalance of {} skipped: {}", topic, e.getMessage());
            }
        }
        apply(wanted, topics::contains);
    }

    /** Drops the queues of the decided topics that are not wanted, and starts the wanted ones not held yet. */
    private void apply(Set<MessageQueue> wanted, java.util.function.Predicate<String> decided) {
        for (var entry : Map.copyOf(queues).entrySet()) {
            if (decided.test(entry.getKey().topic()) && !wanted.contains(entry.getKey())) {
                offsets.persist(List.of(entry.getKey()));
                entry.getValue().drop();
                queues.remove(entry.getKey());
                offsets.remove(entry.getKey());
            }
        }
        for (var queue : wanted) {
            if (queues.containsKey(queue)) {
                continue;
            }
            try {
                offsets.remove(queue);
                long start = StartOffset.of(queue, offsets, config.consumeFrom(), config.consumeTimestamp(),
                        bounds());
                offsets.update(queue, start, false);
                var lite = new LiteQueue(queue, subscriptions.get(queue.topic()), start);
                queues.put(queue, lite);
                pullLater(lite, lite.generation(), 0);
            } catch (MqClientException e) {
                log.warn("lite pull consumer {} cannot start {}: {}", config.group(), queue, e.getMessage());
            }
        }
    }

    // ---- background pulls

    private void pullLater(LiteQueue lite, int generation, long delayMillis) {
        if (closed || !lite.isCurrent(generation)) {
            return;
        }
        try {
            scheduler.schedule(() -> pull(lite, generation), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void pull(LiteQueue lite, int generation) {
        if (closed || !lite.isCurrent(generation)) {
            return;
        }
        if (lite.buffered.get() >= config.pullThresholdForQueue()) {
            pullLater(lite, generation, FLOW_CONTROL_DELAY_MILLIS);
            return;
        }
        var queue = lite.queue;
        SubscriptionData data = lite.subscription.toData();
        int sysFlag = PullMessageRequestHeader.FLAG_SUSPEND | PullMessageRequestHeader.FLAG_SUBSCRIPTION
                | PullMessageRequestHeader.FLAG_LITE_PULL_MESSAGE;
        long offset = lite.nextPullOffset();
        var header = new PullMessageRequestHeader(config.group(), queue.topic(), queue.queueId(), offset,
                config.pullBatchSize(), sysFlag, 0, config.brokerSuspendTime().toMillis(), data.subString(),
                data.subVersion(), data.expressionType(), null, null, null, queue.brokerName());
        try {
            var address = client.masterAddress(queue.brokerName(), queue.topic());
            client.brokerApi().pullAsync(address, queue.brokerName(), header, config.pullTimeout().toMillis())
                    .whenComplete((result, error) -> {
                        try {
                            scheduler.execute(() -> handle(lite, generation, result, error));
                        } catch (RejectedExecutionException e) {
                            // closing
                        }
                    });
        } catch (MqClientException e) {
            log.warn("lite pull of {} failed: {}", queue, e.getMessage());
            pullLater(lite, generation, ERROR_DELAY_MILLIS);
        }
    }

    private void handle(LiteQueue lite, int generation, PullResult result, Throwable error) {
        if (closed || !lite.isCurrent(generation)) {
            return;
        }
        if (error != null) {
            log.warn("lite pull of {} for group {} failed: {}", lite.queue, config.group(), error.toString());
            pullLater(lite, generation, ERROR_DELAY_MILLIS);
            return;
        }
        switch (result.status()) {
            case FOUND -> {
                var wanted = result.messages().stream().filter(lite.subscription::accepts).toList();
                if (!wanted.isEmpty()) {
                    lite.buffered.addAndGet(wanted.size());
                    buffer.add(new Fetched(lite, generation, wanted));
                }
            }
            case OFFSET_ILLEGAL -> log.warn("offset {} of {} is out of range; moving to {}", lite.nextPullOffset(),
                    lite.queue, result.nextBeginOffset());
            default -> {
            }
        }
        lite.nextPullOffset(result.nextBeginOffset());
        pullLater(lite, generation, 0);
    }

    private StartOffset.QueueBounds bounds() {
        long timeout = client.config().requestTimeout().toMillis();
        return new StartOffset.QueueBounds() {
            @Override
            public long maxOffset(MessageQueue queue) {
                return client.brokerApi().maxOffset(client.masterAddress(queue.brokerName(), queue.topic()),
                        queue.topic(), queue.queueId(), timeout);
            }

            @Override
            public long searchOffset(MessageQueue queue, long timestamp) {
                return client.brokerApi().searchOffset(client.masterAddress(queue.brokerName(), queue.topic()),
                        queue.topic(), queue.queueId(), timestamp, timeout);
            }
        };
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("lite pull consumer {}: background task failed: {}", config.group(), e.getMessage(), e);
            }
        };
    }

    /** Messages fetched for a queue in one generation, waiting for poll. */
    private record Fetched(LiteQueue queue, int generation, List<MessageView> messages) {
    }

    private final class Hooks implements ConsumerHooks {
        @Override
        public ConsumerData consumerData() {
            var data = new LinkedHashSet<SubscriptionData>();
            new ArrayList<>(subscriptions.values()).forEach(s -> data.add(s.toData()));
            return new ConsumerData(config.group(), ConsumeType.CONSUME_ACTIVELY, config.messageModel(),
                    config.consumeFrom().wire(), data, false);
        }

        @Override
        public void consumerIdsChanged() {
            try {
                scheduler.execute(guarded(MqLitePullConsumer.this::rebalance));
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }
}
