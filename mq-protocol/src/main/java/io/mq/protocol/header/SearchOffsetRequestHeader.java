package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Locale;
import java.util.Map;

/**
 * SEARCH_OFFSET_BY_TIMESTAMP (29) request: the offset of the first message stored at or after
 * {@code timestamp} in one queue.
 *
 * @param boundaryType 5.x only: which of several messages with the same store time to answer; null from 4.x,
 *                     which means {@link BoundaryType#LOWER}
 */
public record SearchOffsetRequestHeader(String topic, int queueId, long timestamp, BoundaryType boundaryType)
        implements CommandHeader {

    /** Which end of a run of equal timestamps a search answers with (5.x). */
    public enum BoundaryType {
        LOWER, UPPER;

        /** As RocketMQ reads it: "upper" in any case is UPPER, anything else LOWER. */
        static BoundaryType parse(String value) {
            return "upper".equals(value.toLowerCase(Locale.ROOT)) ? UPPER : LOWER;
        }
    }

    public static SearchOffsetRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static SearchOffsetRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        var boundary = f.optionalString("boundaryType");
        return new SearchOffsetRequestHeader(f.string("topic"), f.integer("queueId"), f.longValue("timestamp"),
                boundary == null ? null : BoundaryType.parse(boundary));
    }

    /** The boundary to use: LOWER unless the client asked for UPPER. */
    public BoundaryType boundaryOrDefault() {
        return boundaryType == null ? BoundaryType.LOWER : boundaryType;
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("topic", topic)
                .put("queueId", queueId)
                .put("timestamp", timestamp)
                .put("boundaryType", boundaryType == null ? null : boundaryType.name())
                .build();
    }
}
