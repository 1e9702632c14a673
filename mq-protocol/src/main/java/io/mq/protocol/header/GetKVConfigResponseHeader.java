package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** The GET_KV_CONFIG answer header: the value, or null when not found. */
public record GetKVConfigResponseHeader(String value) implements CommandHeader {

    public static GetKVConfigResponseHeader from(RemotingCommand cmd) {
        return new GetKVConfigResponseHeader(NamesrvFields.optional(cmd, "value"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("value", value);
    }
}
