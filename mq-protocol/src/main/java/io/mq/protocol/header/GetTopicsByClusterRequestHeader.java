package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** GET_TOPICS_BY_CLUSTER (224). */
public record GetTopicsByClusterRequestHeader(String cluster) implements CommandHeader {

    public static GetTopicsByClusterRequestHeader from(RemotingCommand cmd) {
        return new GetTopicsByClusterRequestHeader(NamesrvFields.required(cmd, "cluster"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("cluster", cluster);
    }
}
