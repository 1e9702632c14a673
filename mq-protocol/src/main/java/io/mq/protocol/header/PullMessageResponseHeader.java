package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.ExtFieldSink;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * PULL_MESSAGE response header: where to pull next and the queue's bounds. The last four components are
 * 5.x additions, null when absent (4.x clients ignore them).
 */
public record PullMessageResponseHeader(
        long suggestWhichBrokerId,
        long nextBeginOffset,
        long minOffset,
        long maxOffset,
        Long offsetDelta,
        Integer topicSysFlag,
        Integer groupSysFlag,
        Integer forbiddenType) implements CommandHeader {

    /** The 4.x form. */
    public PullMessageResponseHeader(long suggestWhichBrokerId, long nextBeginOffset, long minOffset,
                                     long maxOffset) {
        this(suggestWhichBrokerId, nextBeginOffset, minOffset, maxOffset, null, null, null, null);
    }

    public static PullMessageResponseHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static PullMessageResponseHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new PullMessageResponseHeader(
                f.longValue("suggestWhichBrokerId"),
                f.longValue("nextBeginOffset"),
                f.longValue("minOffset"),
                f.longValue("maxOffset"),
                f.optionalLong("offsetDelta"),
                f.optionalInteger("topicSysFlag"),
                f.optionalInteger("groupSysFlag"),
                f.optionalInteger("forbiddenType"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("suggestWhichBrokerId", suggestWhichBrokerId)
                .put("nextBeginOffset", nextBeginOffset)
                .put("minOffset", minOffset)
                .put("maxOffset", maxOffset)
                .put("offsetDelta", offsetDelta)
                .put("topicSysFlag", topicSysFlag)
                .put("groupSysFlag", groupSysFlag)
                .put("forbiddenType", forbiddenType)
                .build();
    }

    /** The fields of {@link #toExtFields()}, in the same order, without the map (one per pull answer). */
    @Override
    public void writeExtFields(ExtFieldSink sink) {
        sink.put("suggestWhichBrokerId", suggestWhichBrokerId);
        sink.put("nextBeginOffset", nextBeginOffset);
        sink.put("minOffset", minOffset);
        sink.put("maxOffset", maxOffset);
        if (offsetDelta != null) {
            sink.put("offsetDelta", offsetDelta.longValue());
        }
        sink.put("topicSysFlag", topicSysFlag);
        sink.put("groupSysFlag", groupSysFlag);
        sink.put("forbiddenType", forbiddenType);
    }
}
