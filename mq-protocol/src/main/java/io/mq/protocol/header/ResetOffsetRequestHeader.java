package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * The reset-offset header, used both by INVOKE_BROKER_TO_RESET_OFFSET (222, admin to broker) and by
 * RESET_CONSUMER_CLIENT_OFFSET (220, broker to consumer, with a ResetOffsetBody): move a group's position in
 * a topic to the first message stored at {@code timestamp}. The ext field of {@code force} is {@code isForce}.
 *
 * @param queueId 5.x only: one queue to reset, -1 (the default) for all
 * @param offset 5.x only: an exact offset instead of a timestamp; null when absent
 */
public record ResetOffsetRequestHeader(
        String topic, String group, long timestamp, boolean force, int queueId, Long offset)
        implements CommandHeader {

    /** The 4.x form: every queue, by timestamp. */
    public ResetOffsetRequestHeader(String topic, String group, long timestamp, boolean force) {
        this(topic, group, timestamp, force, -1, null);
    }

    public static ResetOffsetRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static ResetOffsetRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new ResetOffsetRequestHeader(f.string("topic"), f.string("group"), f.longValue("timestamp"),
                f.bool("isForce"), f.integer("queueId", -1), f.optionalLong("offset"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("topic", topic)
                .put("group", group)
                .put("timestamp", timestamp)
                .put("isForce", force)
                .put("queueId", queueId)
                .put("offset", offset)
                .build();
    }
}
