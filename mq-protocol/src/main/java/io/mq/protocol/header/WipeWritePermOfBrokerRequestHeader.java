package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** WIPE_WRITE_PERM_OF_BROKER (205): take write permission from every queue of a broker. */
public record WipeWritePermOfBrokerRequestHeader(String brokerName) implements CommandHeader {

    public static WipeWritePermOfBrokerRequestHeader from(RemotingCommand cmd) {
        return new WipeWritePermOfBrokerRequestHeader(NamesrvFields.required(cmd, "brokerName"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("brokerName", brokerName);
    }
}
