package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * GET_CONSUMER_RUNNING_INFO (307), broker to consumer (relayed from an admin tool): asks a client for its running
 * state, with a thread dump if {@code jstackEnable}.
 */
public record GetConsumerRunningInfoRequestHeader(
        String consumerGroup,
        String clientId,
        boolean jstackEnable) implements CommandHeader {

    public static GetConsumerRunningInfoRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static GetConsumerRunningInfoRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new GetConsumerRunningInfoRequestHeader(
                f.string("consumerGroup"),
                f.string("clientId"),
                f.bool("jstackEnable", false));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("consumerGroup", consumerGroup)
                .put("clientId", clientId)
                .put("jstackEnable", jstackEnable)
                .build();
    }
}
