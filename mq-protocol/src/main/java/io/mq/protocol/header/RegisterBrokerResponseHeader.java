package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** The REGISTER_BROKER (103) answer header: the master's address and HA address, for a slave. */
public record RegisterBrokerResponseHeader(String haServerAddr, String masterAddr) implements CommandHeader {

    public static RegisterBrokerResponseHeader from(RemotingCommand cmd) {
        return new RegisterBrokerResponseHeader(NamesrvFields.optional(cmd, "haServerAddr"), NamesrvFields.optional(cmd, "masterAddr"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("haServerAddr", haServerAddr, "masterAddr", masterAddr);
    }
}
