package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * The response header that carries one queue offset: QUERY_CONSUMER_OFFSET (14), GET_MAX_OFFSET (30),
 * GET_MIN_OFFSET (31) and SEARCH_OFFSET_BY_TIMESTAMP (29) all answer with this single field.
 */
public record OffsetResponseHeader(
        long offset) implements CommandHeader {

    public static OffsetResponseHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static OffsetResponseHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new OffsetResponseHeader(
                f.longValue("offset"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("offset", offset)
                .build();
    }
}
