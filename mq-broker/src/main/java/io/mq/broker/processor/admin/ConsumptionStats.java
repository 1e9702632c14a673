package io.mq.broker.processor.admin;

import io.mq.broker.client.ConsumerGroupInfo;
import io.mq.broker.client.ConsumerRegistry;
import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.store.MessageStore;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.body.ConsumeStats;
import io.mq.protocol.body.GroupList;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.OffsetWrapper;
import io.mq.protocol.body.TopicOffset;
import io.mq.protocol.body.TopicStatsTable;
import io.mq.protocol.header.ExtFieldReader;
import io.mq.protocol.header.GetConsumeStatsRequestHeader;
import io.mq.protocol.header.GetTopicStatsInfoRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where topics and groups stand: a topic's queue offsets (202), a group's offsets and lag per queue (208),
 * and which groups consume a topic (300).
 */
final class ConsumptionStats {

    private static final Logger log = LoggerFactory.getLogger(ConsumptionStats.class);

    private final String brokerName;
    private final MessageStore store;
    private final TopicRegistry topics;
    private final ConsumerOffsets offsets;
    private final ConsumerRegistry consumers;

    ConsumptionStats(String brokerName, MessageStore store, TopicRegistry topics, ConsumerOffsets offsets,
                     ConsumerRegistry consumers) {
        this.brokerName = brokerName;
        this.store = store;
        this.topics = topics;
        this.offsets = offsets;
        this.consumers = consumers;
    }

    RemotingCommand topicStats(RemoteChannel channel, RemotingCommand request) {
        var topic = GetTopicStatsInfoRequestHeader.from(request).topic();
        var definition = topics.get(topic);
        if (definition.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist");
        }
        var table = new LinkedHashMap<MessageQueue, TopicOffset>();
        for (int queueId = 0; queueId < definition.get().writeQueueNums(); queueId++) {
            long min = Math.max(0, store.minOffset(topic, queueId));
            long max = Math.max(0, store.maxOffset(topic, queueId));
            long last = max > 0 ? store.messageStoreTime(topic, queueId, max - 1).orElse(0) : 0;
            table.put(new MessageQueue(topic, brokerName, queueId), new TopicOffset(min, max, last));
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(new TopicStatsTable(table).encode());
    }

    /** Without a topic, every topic the group committed offsets on; topics the online group does not subscribe are left out. */
    RemotingCommand consumeStats(RemoteChannel channel, RemotingCommand request) {
        var header = GetConsumeStatsRequestHeader.from(request);
        var group = header.consumerGroup();
        Set<String> wanted = header.topic() == null || header.topic().isBlank()
                ? offsets.topicsOf(group) : Set.of(header.topic());
        var online = consumers.group(group);
        var table = new LinkedHashMap<MessageQueue, OffsetWrapper>();
        for (var topic : new TreeSet<>(wanted)) {
            var definition = topics.get(topic);
            if (definition.isEmpty()) {
                log.warn("consume stats of {}: topic {} does not exist", group, topic);
                continue;
            }
            if (online.map(ConsumerGroupInfo::subscriptions).filter(s -> !s.isEmpty() && !s.containsKey(topic))
                    .isPresent()) {
                continue;
            }
            for (int queueId = 0; queueId < definition.get().readQueueNums(); queueId++) {
                long brokerOffset = Math.max(0, store.maxOffset(topic, queueId));
                long consumerOffset = Math.max(0, offsets.query(group, topic, queueId));
                long lastTimestamp = consumerOffset > 0
                        ? store.messageStoreTime(topic, queueId, consumerOffset - 1).orElse(0) : 0;
                table.put(new MessageQueue(topic, brokerName, queueId),
                        new OffsetWrapper(brokerOffset, consumerOffset, 0, Math.max(0, lastTimestamp)));
            }
        }
        // No per-group TPS is kept yet: 0, which the tools print as such.
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(new ConsumeStats(table, 0).encode());
    }

    /** Groups online with a subscription to the topic plus groups that committed offsets on it. */
    RemotingCommand consumedByWho(RemoteChannel channel, RemotingCommand request) {
        var topic = ExtFieldReader.of(request).string("topic");
        var groups = new TreeSet<>(consumers.groupsConsuming(topic));
        groups.addAll(offsets.groupsOf(topic));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(new GroupList(groups).encode());
    }
}
