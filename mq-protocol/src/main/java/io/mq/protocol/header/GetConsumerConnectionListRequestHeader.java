package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** GET_CONSUMER_CONNECTION_LIST (203) request: the connections and subscriptions of a group's consumers. */
public record GetConsumerConnectionListRequestHeader(
        String consumerGroup) implements CommandHeader {

    public static GetConsumerConnectionListRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static GetConsumerConnectionListRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new GetConsumerConnectionListRequestHeader(
                f.string("consumerGroup"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("consumerGroup", consumerGroup)
                .build();
    }
}
