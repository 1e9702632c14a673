package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** ADD_WRITE_PERM_OF_BROKER (327): give every queue of a broker read and write permission. */
public record AddWritePermOfBrokerRequestHeader(String brokerName) implements CommandHeader {

    public static AddWritePermOfBrokerRequestHeader from(RemotingCommand cmd) {
        return new AddWritePermOfBrokerRequestHeader(NamesrvFields.required(cmd, "brokerName"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("brokerName", brokerName);
    }
}
