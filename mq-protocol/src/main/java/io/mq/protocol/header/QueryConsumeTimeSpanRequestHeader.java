package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * QUERY_CONSUME_TIME_SPAN (303) request: per queue, the store times of the oldest and newest message and of the
 * group's position.
 */
public record QueryConsumeTimeSpanRequestHeader(
        String topic,
        String group) implements CommandHeader {

    public static QueryConsumeTimeSpanRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static QueryConsumeTimeSpanRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new QueryConsumeTimeSpanRequestHeader(
                f.string("topic"),
                f.string("group"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("topic", topic)
                .put("group", group)
                .build();
    }
}
