package io.mq.broker.processor.query;

import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.store.MessageStore;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.QueryConsumeTimeSpanBody;
import io.mq.protocol.body.QueueTimeSpan;
import io.mq.protocol.header.QueryConsumeTimeSpanRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;
import java.util.ArrayList;
import java.util.function.LongSupplier;

/**
 * QUERY_CONSUME_TIME_SPAN (303): per queue, the store times of the oldest and newest message and of the group's
 * position, and how far behind the group is in time (RocketMQ's AdminBrokerProcessor.queryConsumeTimeSpan).
 * A time that does not exist is -1, as RocketMQ's store answers.
 */
public final class ConsumeTimeSpanProcessor implements RequestProcessor {

    private final TopicRegistry topics;
    private final MessageStore store;
    private final ConsumerOffsets offsets;
    private final String brokerName;
    private final LongSupplier clock;

    public ConsumeTimeSpanProcessor(TopicRegistry topics, MessageStore store, ConsumerOffsets offsets,
            String brokerName, LongSupplier clock) {
        this.topics = topics;
        this.store = store;
        this.offsets = offsets;
        this.brokerName = brokerName;
        this.clock = clock;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        var header = QueryConsumeTimeSpanRequestHeader.from(request);
        var topic = topics.get(header.topic()).orElse(null);
        if (topic == null) {
            return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST,
                    "topic[" + header.topic() + "] not exist");
        }
        var spans = new ArrayList<QueueTimeSpan>();
        for (int queueId = 0; queueId < topic.writeQueueNums(); queueId++) {
            spans.add(span(header.topic(), header.group(), queueId));
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .body(new QueryConsumeTimeSpanBody(spans).encode());
    }

    private QueueTimeSpan span(String topic, String group, int queueId) {
        long minTime = store.earliestMessageTime(topic, queueId).orElse(-1);
        long max = store.maxOffset(topic, queueId);
        long maxTime = storeTime(topic, queueId, max - 1);
        long consumed = offsets.query(group, topic, queueId);
        long consumeTime = consumed > 0 ? storeTime(topic, queueId, consumed - 1) : minTime;
        long delay = 0;
        if (consumed < max) {
            long next = storeTime(topic, queueId, Math.max(consumed, 0));
            delay = next < 0 ? 0 : clock.getAsLong() - next;
        }
        return new QueueTimeSpan(new MessageQueue(topic, brokerName, queueId), minTime, maxTime, consumeTime, delay);
    }

    private long storeTime(String topic, int queueId, long offset) {
        return offset < 0 ? -1 : store.messageStoreTime(topic, queueId, offset).orElse(-1);
    }
}
