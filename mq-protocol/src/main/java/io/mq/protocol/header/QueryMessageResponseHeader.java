package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** QUERY_MESSAGE (12) response: how current the key index was when answering. */
public record QueryMessageResponseHeader(
        long indexLastUpdateTimestamp,
        long indexLastUpdatePhyoffset) implements CommandHeader {

    public static QueryMessageResponseHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static QueryMessageResponseHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new QueryMessageResponseHeader(
                f.longValue("indexLastUpdateTimestamp"),
                f.longValue("indexLastUpdatePhyoffset"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("indexLastUpdateTimestamp", indexLastUpdateTimestamp)
                .put("indexLastUpdatePhyoffset", indexLastUpdatePhyoffset)
                .build();
    }
}
