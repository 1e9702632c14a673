package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** GET_EARLIEST_MSG_STORETIME (32) response: a store timestamp in milliseconds. */
public record GetEarliestMsgStoretimeResponseHeader(
        long timestamp) implements CommandHeader {

    public static GetEarliestMsgStoretimeResponseHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static GetEarliestMsgStoretimeResponseHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new GetEarliestMsgStoretimeResponseHeader(
                f.longValue("timestamp"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("timestamp", timestamp)
                .build();
    }
}
