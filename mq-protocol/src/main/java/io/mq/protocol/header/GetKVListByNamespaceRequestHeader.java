package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** GET_KVLIST_BY_NAMESPACE (219). */
public record GetKVListByNamespaceRequestHeader(String namespace) implements CommandHeader {

    public static GetKVListByNamespaceRequestHeader from(RemotingCommand cmd) {
        return new GetKVListByNamespaceRequestHeader(NamesrvFields.required(cmd, "namespace"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("namespace", namespace);
    }
}
