package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** GET_EARLIEST_MSG_STORETIME (32) request: the store time of the oldest message still in one queue. */
public record GetEarliestMsgStoretimeRequestHeader(
        String topic,
        int queueId) implements CommandHeader {

    public static GetEarliestMsgStoretimeRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static GetEarliestMsgStoretimeRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new GetEarliestMsgStoretimeRequestHeader(
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
