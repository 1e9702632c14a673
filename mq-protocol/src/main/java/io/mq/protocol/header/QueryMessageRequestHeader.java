package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * QUERY_MESSAGE (12) request: messages of a topic by key, stored between two timestamps.
 *
 * @param uniqueKeyQuery the client looks up a unique message id (UNIQ_KEY) rather than a user key; it
 *                       rides beside the header as the ext field {@code _UNIQUE_KEY_QUERY}
 */
public record QueryMessageRequestHeader(
        String topic, String key, int maxNum, long beginTimestamp, long endTimestamp, boolean uniqueKeyQuery)
        implements CommandHeader {

    public static final String UNIQUE_KEY_QUERY_FIELD = "_UNIQUE_KEY_QUERY";

    public static QueryMessageRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static QueryMessageRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new QueryMessageRequestHeader(f.string("topic"), f.string("key"), f.integer("maxNum"),
                f.longValue("beginTimestamp"), f.longValue("endTimestamp"), f.bool(UNIQUE_KEY_QUERY_FIELD, false));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("topic", topic)
                .put("key", key)
                .put("maxNum", maxNum)
                .put("beginTimestamp", beginTimestamp)
                .put("endTimestamp", endTimestamp)
                .put(UNIQUE_KEY_QUERY_FIELD, uniqueKeyQuery ? "true" : null)
                .build();
    }
}
