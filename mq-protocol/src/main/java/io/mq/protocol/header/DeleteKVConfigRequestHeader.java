package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** DELETE_KV_CONFIG (102). */
public record DeleteKVConfigRequestHeader(String namespace, String key) implements CommandHeader {

    public static DeleteKVConfigRequestHeader from(RemotingCommand cmd) {
        return new DeleteKVConfigRequestHeader(NamesrvFields.required(cmd, "namespace"), NamesrvFields.required(cmd, "key"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("namespace", namespace, "key", key);
    }
}
