package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** GET_ROUTEINFO_BY_TOPIC (105); {@code acceptStandardJsonOnly} asks for strict JSON (quoted map keys). */
public record GetRouteInfoRequestHeader(String topic, Boolean acceptStandardJsonOnly) implements CommandHeader {

    public static GetRouteInfoRequestHeader from(RemotingCommand cmd) {
        return new GetRouteInfoRequestHeader(NamesrvFields.required(cmd, "topic"), NamesrvFields.optionalBool(cmd, "acceptStandardJsonOnly"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("topic", topic, "acceptStandardJsonOnly", acceptStandardJsonOnly);
    }
}
