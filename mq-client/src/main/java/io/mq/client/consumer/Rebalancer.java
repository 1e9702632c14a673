package io.mq.client.consumer;

import io.mq.client.ClientInstance;
import io.mq.client.MqClientException;
import io.mq.client.TopicRoute;
import io.mq.protocol.body.MessageQueue;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which queues this consumer owns (RocketMQ's RebalanceImpl for push consumers): per subscribed topic, every queue
 * when broadcasting, else an average share by sorted queue and sorted client id; a new queue starts at its committed
 * offset (or where {@link ConsumeFrom} says) and gets a pull loop; a queue that went elsewhere is dropped after its
 * offset is committed. Orderly clustering consumers lock a queue at the broker before taking it and unlock it after.
 */
final class Rebalancer {

    private static final Logger log = LoggerFactory.getLogger(Rebalancer.class);

    private final ClientInstance client;
    private final ConsumerConfig config;
    private final Supplier<Set<String>> topics;
    private final OffsetStore offsets;
    private final QueuePuller puller;
    private final QueueLocks locks;
    private final boolean orderly;
    private final Map<MessageQueue, ProcessQueue> table = new ConcurrentHashMap<>();

    Rebalancer(ClientInstance client, ConsumerConfig config, Supplier<Set<String>> topics, OffsetStore offsets,
            QueuePuller puller, QueueLocks locks, boolean orderly) {
        this.client = client;
        this.config = config;
        this.topics = topics;
        this.offsets = offsets;
        this.puller = puller;
        this.locks = locks;
        this.orderly = orderly;
    }

    /** The queues held now and their process queues. */
    Map<MessageQueue, ProcessQueue> table() {
        return table;
    }

    synchronized void rebalance() {
        for (var topic : topics.get()) {
            try {
                rebalance(topic);
            } catch (MqClientException e) {
                log.debug("rebalance of {} for group {} skipped: {}", topic, config.group(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("rebalance of {} for group {} failed", topic, config.group(), e);
            }
        }
    }

    private void rebalance(String topic) {
        TopicRoute route = client.route(topic);
        var queues = route.subscribeQueues();
        List<MessageQueue> mine;
        if (config.clustering()) {
            var addresses = route.masterAddresses();
            if (addresses.isEmpty()) {
                return;
            }
            var ids = client.brokerApi().consumerIds(addresses.get(0), config.group(),
                    client.config().requestTimeout().toMillis());
            if (ids.isEmpty()) {
                return; // the broker has not seen our heartbeat yet
            }
            mine = QueueAllocation.averagely(client.clientId(), ids, queues);
        } else {
            mine = queues;
        }
        apply(topic, new HashSet<>(mine));
    }

    private void apply(String topic, Set<MessageQueue> mine) {
        for (var entry : Map.copyOf(table).entrySet()) {
            var queue = entry.getKey();
            if (queue.topic().equals(topic) && (!mine.contains(queue) || entry.getValue().isDropped())) {
                if (release(queue, entry.getValue())) {
                    table.remove(queue);
                    log.info("group {} released {}", config.group(), queue);
                }
            }
        }
        for (var queue : mine.stream().sorted().toList()) {
            if (!table.containsKey(queue)) {
                take(queue);
            }
        }
    }

    private void take(MessageQueue queue) {
        if (orderly && config.clustering() && !locks.lock(queue)) {
            log.debug("group {} could not lock {} yet; trying again at the next rebalance", config.group(), queue);
            return;
        }
        long start;
        try {
            offsets.remove(queue);
            start = StartOffset.of(queue, offsets, config.consumeFrom(), config.consumeTimestamp(), bounds());
        } catch (MqClientException e) {
            log.warn("group {} cannot tell where to start {}: {}", config.group(), queue, e.getMessage());
            if (orderly && config.clustering()) {
                locks.unlock(List.of(queue));
            }
            return;
        }
        var processQueue = new ProcessQueue(start);
        processQueue.locked(orderly && config.clustering());
        offsets.update(queue, start, false);
        table.put(queue, processQueue);
        log.info("group {} took {} from offset {}", config.group(), queue, start);
        puller.start(queue, processQueue);
    }

    /** Drops a queue; an orderly one only between two listener calls. False: keep it and try again later. */
    private boolean release(MessageQueue queue, ProcessQueue processQueue) {
        processQueue.drop();
        if (orderly && config.clustering()) {
            try {
                if (!processQueue.consumeLock.tryLock(1, TimeUnit.SECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                offsets.persist(List.of(queue));
                offsets.remove(queue);
                locks.unlock(List.of(queue));
            } finally {
                processQueue.consumeLock.unlock();
            }
            return true;
        }
        offsets.persist(List.of(queue));
        offsets.remove(queue);
        return true;
    }

    /** Drops every queue of a topic without committing (an operator reset the offsets). */
    synchronized void dropTopic(String topic) {
        for (var entry : Map.copyOf(table).entrySet()) {
            if (entry.getKey().topic().equals(topic)) {
                entry.getValue().drop();
                table.remove(entry.getKey());
                offsets.remove(entry.getKey());
            }
        }
    }

    /** Closing: drops every queue after its offset was committed (by the caller). */
    synchronized void dropAll() {
        table.values().forEach(ProcessQueue::drop);
        table.clear();
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
}
