package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * GET_CONSUMER_LIST_BY_GROUP (38) request: the client ids of a group's live consumers (answered with a
 * ConsumerListByGroupResponseBody).
 */
public record GetConsumerListByGroupRequestHeader(
        String consumerGroup) implements CommandHeader {

    public static GetConsumerListByGroupRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static GetConsumerListByGroupRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new GetConsumerListByGroupRequestHeader(
                f.string("consumerGroup"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("consumerGroup", consumerGroup)
                .build();
    }
}
