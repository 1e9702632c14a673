package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * UNREGISTER_CLIENT (35) request: a client leaving, with the producer or consumer group it leaves (either may be
 * null).
 */
public record UnregisterClientRequestHeader(
        String clientID,
        String producerGroup,
        String consumerGroup) implements CommandHeader {

    public static UnregisterClientRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static UnregisterClientRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new UnregisterClientRequestHeader(
                f.string("clientID"),
                f.optionalString("producerGroup"),
                f.optionalString("consumerGroup"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("clientID", clientID)
                .put("producerGroup", producerGroup)
                .put("consumerGroup", consumerGroup)
                .build();
    }
}
