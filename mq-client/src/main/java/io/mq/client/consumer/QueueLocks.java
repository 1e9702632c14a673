package io.mq.client.consumer;

import io.mq.client.ClientInstance;
import io.mq.client.MqClientException;
import io.mq.protocol.body.LockBatchRequestBody;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.UnlockBatchRequestBody;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker-side locks an orderly clustering consumer holds on its queues (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ), so
 * that two members of a group never consume one queue at once, even while a rebalance moves it.
 */
final class QueueLocks {

    private static final Logger log = LoggerFactory.getLogger(QueueLocks.class);

    private final ClientInstance client;
    private final String group;

    QueueLocks(ClientInstance client, String group) {
        this.client = client;
        this.group = group;
    }

    /** Locks one queue; true when the broker granted it. */
    boolean lock(MessageQueue queue) {
        try {
            var address = client.masterAddress(queue.brokerName(), queue.topic());
            var granted = client.brokerApi().lockBatch(address,
                    new LockBatchRequestBody(group, client.clientId(), Set.of(queue), false), timeout());
            return granted.contains(queue);
        } catch (MqClientException e) {
            log.warn("locking {} for group {} failed: {}", queue, group, e.getMessage());
            return false;
        }
    }

    /** Renews the locks of every queue held, broker by broker, marking each process queue locked or not. */
    void renew(Map<MessageQueue, ProcessQueue> held) {
        var byBroker = held.keySet().stream().collect(Collectors.groupingBy(MessageQueue::brokerName,
                Collectors.toSet()));
        byBroker.forEach((brokerName, queues) -> {
            try {
                var any = queues.iterator().next();
                var address = client.masterAddress(brokerName, any.topic());
                var granted = client.brokerApi().lockBatch(address,
                        new LockBatchRequestBody(group, client.clientId(), queues, false), timeout());
                for (var queue : queues) {
                    var processQueue = held.get(queue);
                    if (processQueue != null) {
                        processQueue.locked(granted.contains(queue));
                    }
                }
            } catch (MqClientException e) {
                log.warn("renewing queue locks of group {} at {} failed: {}", group, brokerName, e.getMessage());
            }
        });
    }

    void unlock(Collection<MessageQueue> queues) {
        var byBroker = queues.stream().collect(Collectors.groupingBy(MessageQueue::brokerName, Collectors.toSet()));
        byBroker.forEach((brokerName, set) -> {
            try {
                var address = client.masterAddress(brokerName, set.iterator().next().topic());
                client.brokerApi().unlockBatch(address,
                        new UnlockBatchRequestBody(group, client.clientId(), set, false), timeout());
            } catch (MqClientException e) {
                log.warn("unlocking queues of group {} at {} failed: {}", group, brokerName, e.getMessage());
            }
        });
    }

    private long timeout() {
        return client.config().requestTimeout().toMillis();
    }
}
