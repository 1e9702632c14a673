package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** DELETE_TOPIC_IN_NAMESRV (216); without a cluster the topic goes from every broker. */
public record DeleteTopicFromNamesrvRequestHeader(String topic, String clusterName) implements CommandHeader {

    public static DeleteTopicFromNamesrvRequestHeader from(RemotingCommand cmd) {
        return new DeleteTopicFromNamesrvRequestHeader(NamesrvFields.required(cmd, "topic"), NamesrvFields.optional(cmd, "clusterName"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("topic", topic, "clusterName", clusterName);
    }
}
