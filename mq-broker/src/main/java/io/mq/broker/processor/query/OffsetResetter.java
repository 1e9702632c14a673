package io.mq.broker.processor.query;

import io.mq.broker.client.ConsumerRegistry;
import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.store.MessageStore;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.ResetOffsetBody;
import io.mq.protocol.header.ResetOffsetRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a consumer group's position in a topic to the first message stored at a time (RocketMQ's
 * Broker2Client.resetOffset): computes each queue's offset, commits them and tells every live consumer of the group
 * with RESET_CONSUMER_CLIENT_OFFSET, so it drops what it holds and pulls again from there. Without {@code force} a
 * queue only moves back, never forward past what the group has consumed.
 */
public final class OffsetResetter {
    private static final Logger log = LoggerFactory.getLogger(OffsetResetter.class);

    private final TopicRegistry topics;
    private final MessageStore store;
    private final ConsumerOffsets offsets;
    private final ConsumerRegistry consumers;
    private final String brokerName;

    public OffsetResetter(TopicRegistry topics, MessageStore store, ConsumerOffsets offsets,
            ConsumerRegistry consumers, String brokerName) {
        this.topics = topics;
        this.store = store;
        this.offsets = offsets;
        this.consumers = consumers;
        this.brokerName = brokerName;
    }

    /**
     * Resets by {@code request.timestamp()} (-1: to the end of each queue), or to {@code request.offset()} when the
     * 5.x form names one; {@code request.queueId() >= 0} limits it to that queue. A group with no live consumer is
     * refused with CONSUMER_NOT_ONLINE and left as it is, as in RocketMQ (the admin tool then falls back to
     * committing offsets itself).
     */
    public OffsetReset reset(ResetOffsetRequestHeader request) {
        var topic = topics.get(request.topic()).orElse(null);
        if (topic == null) {
            return new OffsetReset.Refused(ResponseCode.SYSTEM_ERROR,
                    "[reset-offset] reset offset failed, no topic in this broker. topic=" + request.topic());
        }
        var channels = consumers.channels(request.group());
        if (channels.isEmpty()) {
            return new OffsetReset.Refused(ResponseCode.CONSUMER_NOT_ONLINE, String.format(
                    "Consumer not online, so can not reset offset, Group: %s Topic: %s Timestamp: %d",
                    request.group(), request.topic(), request.timestamp()));
        }
        var byQueueId = new TreeMap<Integer, Long>();
        var table = new LinkedHashMap<MessageQueue, Long>();
        for (int queueId = 0; queueId < topic.writeQueueNums(); queueId++) {
            if (request.queueId() >= 0 && request.queueId() != queueId) {
                continue;
            }
            long offset = newOffset(request, queueId);
            byQueueId.put(queueId, offset);
            table.put(new MessageQueue(request.topic(), brokerName, queueId), offset);
        }
        offsets.reset(request.group(), request.topic(), byQueueId);
        notifyConsumers(request, table, channels);
        log.info("[reset-offset] group {} on topic {} reset to {} (timestamp {}, force {})", request.group(),
                request.topic(), byQueueId, request.timestamp(), request.force());
        return new OffsetReset.Done(table);
    }

    private long newOffset(ResetOffsetRequestHeader request, int queueId) {
        String topic = request.topic();
        long min = store.minOffset(topic, queueId);
        long max = store.maxOffset(topic, queueId);
        long target;
        if (request.offset() != null) {
            target = Math.max(min, Math.min(max, request.offset()));
        } else if (request.timestamp() == -1) {
            target = max;
        } else {
            target = Math.max(0, store.offsetByTimestamp(topic, queueId, request.timestamp()));
        }
        long committed = offsets.query(request.group(), topic, queueId);
        // A queue the group never committed has no position to protect: it takes the target.
        return request.force() || committed < 0 || target < committed ? target : committed;
    }

    private void notifyConsumers(ResetOffsetRequestHeader request, Map<MessageQueue, Long> table,
            java.util.List<io.mq.protocol.transport.RemoteChannel> channels) {
        var body = new ResetOffsetBody(table).encode();
        var header = new ResetOffsetRequestHeader(request.topic(), request.group(), request.timestamp(), false);
        for (var channel : channels) {
            try {
                // One command per channel: the transport owns a command once it is written.
                channel.invokeOneway(RemotingCommand.request(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, header)
                        .body(body));
            } catch (RuntimeException e) {
                log.warn("[reset-offset] cannot tell consumer {} of group {}", channel.remoteAddress(),
                        request.group(), e);
            }
        }
    }
}
