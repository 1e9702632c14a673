package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** PUT_KV_CONFIG (100). */
public record PutKVConfigRequestHeader(String namespace, String key, String value) implements CommandHeader {

    public static PutKVConfigRequestHeader from(RemotingCommand cmd) {
        return new PutKVConfigRequestHeader(NamesrvFields.required(cmd, "namespace"), NamesrvFields.required(cmd, "key"), NamesrvFields.required(cmd, "value"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("namespace", namespace, "key", key, "value", value);
    }
}
