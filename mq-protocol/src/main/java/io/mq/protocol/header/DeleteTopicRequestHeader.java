package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** DELETE_TOPIC_IN_BROKER (215) request. */
public record DeleteTopicRequestHeader(
        String topic) implements CommandHeader {

    public static DeleteTopicRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static DeleteTopicRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new DeleteTopicRequestHeader(
                f.string("topic"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("topic", topic)
                .build();
    }
}
