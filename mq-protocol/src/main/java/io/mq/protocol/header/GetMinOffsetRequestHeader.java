package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** GET_MIN_OFFSET (31) request: the smallest offset still stored in one queue. */
public record GetMinOffsetRequestHeader(
        String topic,
        int queueId) implements CommandHeader {

    public static GetMinOffsetRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static GetMinOffsetRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new GetMinOffsetRequestHeader(
                f.string("topic"),
                f.integer("queueId"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("topic", topic)
                .put("queueId", queueId)
                .build();
    }
}
