package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * QUERY_CONSUMER_OFFSET (14) request: the group's stored offset of one queue. {@code setZeroIfNotFound} is 5.x
 * only, null from 4.x.
 */
public record QueryConsumerOffsetRequestHeader(
        String consumerGroup,
        String topic,
        int queueId,
        Boolean setZeroIfNotFound) implements CommandHeader {

    public static QueryConsumerOffsetRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static QueryConsumerOffsetRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new QueryConsumerOffsetRequestHeader(
                f.string("consumerGroup"),
                f.string("topic"),
                f.integer("queueId"),
                f.optionalBool("setZeroIfNotFound"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("consumerGroup", consumerGroup)
                .put("topic", topic)
                .put("queueId", queueId)
                .put("setZeroIfNotFound", setZeroIfNotFound)
                .build();
    }
}
