package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** UNREGISTER_BROKER (104): the broker leaving. */
public record UnRegisterBrokerRequestHeader(String brokerName, String brokerAddr, String clusterName, long brokerId) implements CommandHeader {

    public static UnRegisterBrokerRequestHeader from(RemotingCommand cmd) {
        return new UnRegisterBrokerRequestHeader(NamesrvFields.required(cmd, "brokerName"), NamesrvFields.required(cmd, "brokerAddr"), NamesrvFields.required(cmd, "clusterName"), NamesrvFields.requiredLong(cmd, "brokerId"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("brokerName", brokerName, "brokerAddr", brokerAddr, "clusterName", clusterName, "brokerId", brokerId);
    }
}
