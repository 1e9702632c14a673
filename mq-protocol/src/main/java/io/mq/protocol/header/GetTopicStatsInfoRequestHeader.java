package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** GET_TOPIC_STATS_INFO (202) request: min/max offsets of each queue of a topic. */
public record GetTopicStatsInfoRequestHeader(
        String topic) implements CommandHeader {

    public static GetTopicStatsInfoRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static GetTopicStatsInfoRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new GetTopicStatsInfoRequestHeader(
                f.string("topic"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("topic", topic)
                .build();
    }
}
