package io.mq.client.consumer;

import io.mq.client.ClientInstance;
import io.mq.client.MqClientException;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.header.QueryConsumerOffsetRequestHeader;
import io.mq.protocol.header.UpdateConsumerOffsetRequestHeader;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A clustering group's offsets, committed to the master of each queue's broker (UPDATE_CONSUMER_OFFSET). */
public final class RemoteOffsetStore extends MemoryOffsets {

    private static final Logger log = LoggerFactory.getLogger(RemoteOffsetStore.class);

    private final ClientInstance client;
    private final String group;

    public RemoteOffsetStore(ClientInstance client, String group) {
        this.client = client;
        this.group = group;
    }

    @Override
    public void load() {
    }

    @Override
    public long readStored(MessageQueue queue) {
        var address = client.masterAddress(queue.brokerName(), queue.topic());
        // setZeroIfNotFound=false: a group without an offset hears so, and starts where ConsumeFrom says, instead of
        // at 0 whenever the queue is still "in memory" (what 4.x brokers, which ignore the field, still answer).
        long offset = client.brokerApi().queryConsumerOffset(address,
                new QueryConsumerOffsetRequestHeader(group, queue.topic(), queue.queueId(), Boolean.FALSE), timeout());
        if (offset >= 0) {
            update(queue, offset, false);
        }
        return offset;
    }

    @Override
    public void persist(Collection<MessageQueue> queues) {
        for (var queue : queues) {
            long offset = read(queue);
            if (offset < 0) {
                continue;
            }
            try {
                var address = client.masterAddress(queue.brokerName(), queue.topic());
                client.brokerApi().updateConsumerOffset(address,
                        new UpdateConsumerOffsetRequestHeader(group, queue.topic(), queue.queueId(), offset), timeout());
            } catch (MqClientException e) {
                log.warn("committing offset {} of {} for group {} failed: {}", offset, queue, group, e.getMessage());
            }
        }
    }

    private long timeout() {
        return client.config().requestTimeout().toMillis();
    }
}
