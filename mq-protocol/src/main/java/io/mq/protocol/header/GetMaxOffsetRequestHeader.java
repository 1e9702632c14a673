package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * GET_MAX_OFFSET (30) request. {@code committed} is 5.x (default true: only offsets already replicated); 4.x
 * clients leave it out.
 */
public record GetMaxOffsetRequestHeader(
        String topic,
        int queueId,
        boolean committed) implements CommandHeader {

    public static GetMaxOffsetRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static GetMaxOffsetRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new GetMaxOffsetRequestHeader(
                f.string("topic"),
                f.integer("queueId"),
                f.bool("committed", true));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("topic", topic)
                .put("queueId", queueId)
                .put("committed", committed)
                .build();
    }
}
