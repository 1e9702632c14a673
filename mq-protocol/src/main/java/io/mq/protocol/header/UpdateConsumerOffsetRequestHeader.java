package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** UPDATE_CONSUMER_OFFSET (15) request: store the group's offset of one queue (its response has no header fields). */
public record UpdateConsumerOffsetRequestHeader(
        String consumerGroup,
        String topic,
        int queueId,
        long commitOffset) implements CommandHeader {

    public static UpdateConsumerOffsetRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static UpdateConsumerOffsetRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new UpdateConsumerOffsetRequestHeader(
                f.string("consumerGroup"),
                f.string("topic"),
                f.integer("queueId"),
                f.longValue("commitOffset"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("consumerGroup", consumerGroup)
                .put("topic", topic)
                .put("queueId", queueId)
                .put("commitOffset", commitOffset)
                .build();
    }
}
