package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** QUERY_DATA_VERSION (322): a broker asks whether the name server holds its current topic version (body: DataVersion). */
public record QueryDataVersionRequestHeader(String brokerName, String brokerAddr, String clusterName, long brokerId) implements CommandHeader {

    public static QueryDataVersionRequestHeader from(RemotingCommand cmd) {
        return new QueryDataVersionRequestHeader(NamesrvFields.required(cmd, "brokerName"), NamesrvFields.required(cmd, "brokerAddr"), NamesrvFields.required(cmd, "clusterName"), NamesrvFields.requiredLong(cmd, "brokerId"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("brokerName", brokerName, "brokerAddr", brokerAddr, "clusterName", clusterName, "brokerId", brokerId);
    }
}
