package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** The QUERY_DATA_VERSION answer: whether the broker's version differs from the name server's. */
public record QueryDataVersionResponseHeader(boolean changed) implements CommandHeader {

    public static QueryDataVersionResponseHeader from(RemotingCommand cmd) {
        return new QueryDataVersionResponseHeader(NamesrvFields.requiredBool(cmd, "changed"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("changed", changed);
    }
}
