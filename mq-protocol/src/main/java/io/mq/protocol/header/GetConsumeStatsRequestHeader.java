package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** GET_CONSUME_STATS (208) request: a group's offsets and lag, for one topic or (topic null) all it consumes. */
public record GetConsumeStatsRequestHeader(
        String consumerGroup,
        String topic) implements CommandHeader {

    public static GetConsumeStatsRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static GetConsumeStatsRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new GetConsumeStatsRequestHeader(
                f.string("consumerGroup"),
                f.optionalString("topic"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("consumerGroup", consumerGroup)
                .put("topic", topic)
                .build();
    }
}
