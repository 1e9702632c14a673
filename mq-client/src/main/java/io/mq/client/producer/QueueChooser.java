package io.mq.client.producer;

import io.mq.client.MqClientException;
import io.mq.protocol.body.MessageQueue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Round-robin over a topic's publish queues, skipping brokers to avoid and, on a retry, the broker that just failed;
 * when every broker is to be avoided, round-robin alone (sending somewhere beats not sending).
 */
final class QueueChooser {

    private final Map<String, AtomicInteger> next = new ConcurrentHashMap<>();
    private final BrokerAvoidance avoidance;
    private final boolean avoid;

    QueueChooser(BrokerAvoidance avoidance, boolean avoid) {
        this.avoidance = avoidance;
        this.avoid = avoid;
    }

    /** @param lastBroker the broker of the previous failed attempt, or null on a first attempt */
    MessageQueue choose(String topic, List<MessageQueue> queues, String lastBroker) {
        if (queues.isEmpty()) {
            throw new MqClientException(MqClientException.NO_ROUTE, "topic " + topic
                    + " has no writable queue on any master broker");
        }
        int start = next.computeIfAbsent(topic, t -> new AtomicInteger(ThreadLocalRandom.current().nextInt(1024)))
                .getAndIncrement() & Integer.MAX_VALUE;
        int size = queues.size();
        for (int i = 0; i < size; i++) {
            var queue = queues.get((start + i) % size);
            if (!queue.brokerName().equals(lastBroker) && (!avoid || avoidance.isAvailable(queue.brokerName()))) {
                return queue;
            }
        }
        for (int i = 0; i < size; i++) {
            var queue = queues.get((start + i) % size);
            if (!queue.brokerName().equals(lastBroker)) {
                return queue;
            }
        }
        return queues.get(start % size);
    }
}
