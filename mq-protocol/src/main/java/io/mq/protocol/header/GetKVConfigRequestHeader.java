package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** GET_KV_CONFIG (101). */
public record GetKVConfigRequestHeader(String namespace, String key) implements CommandHeader {

    public static GetKVConfigRequestHeader from(RemotingCommand cmd) {
        return new GetKVConfigRequestHeader(NamesrvFields.required(cmd, "namespace"), NamesrvFields.required(cmd, "key"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("namespace", namespace, "key", key);
    }
}
