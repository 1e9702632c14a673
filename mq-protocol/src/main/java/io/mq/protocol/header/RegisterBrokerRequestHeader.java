package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * REGISTER_BROKER (103). {@code compressed} says the body is zlib-compressed; {@code bodyCrc32} (0 = none) is
 * the CRC32 of the body masked to 31 bits; {@code heartbeatTimeoutMillis} (5.x) overrides the name server's
 * expiry for this broker.
 */
public record RegisterBrokerRequestHeader(String brokerName, String brokerAddr, String clusterName,
                                          String haServerAddr, long brokerId, Long heartbeatTimeoutMillis,
                                          Boolean enableActingMaster, boolean compressed, int bodyCrc32)
        implements CommandHeader {

    public static RegisterBrokerRequestHeader from(RemotingCommand cmd) {
        var compressed = NamesrvFields.optionalBool(cmd, "compressed");
        var crc = NamesrvFields.optionalInt(cmd, "bodyCrc32");
        return new RegisterBrokerRequestHeader(NamesrvFields.required(cmd, "brokerName"),
                NamesrvFields.required(cmd, "brokerAddr"), NamesrvFields.required(cmd, "clusterName"),
                NamesrvFields.required(cmd, "haServerAddr"), NamesrvFields.requiredLong(cmd, "brokerId"),
                NamesrvFields.optionalLong(cmd, "heartbeatTimeoutMillis"),
                NamesrvFields.optionalBool(cmd, "enableActingMaster"),
                compressed != null && compressed, crc == null ? 0 : crc);
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("brokerName", brokerName, "brokerAddr", brokerAddr, "clusterName", clusterName,
                "haServerAddr", haServerAddr, "brokerId", brokerId, "heartbeatTimeoutMillis", heartbeatTimeoutMillis,
                "enableActingMaster", enableActingMaster, "compressed", compressed, "bodyCrc32", bodyCrc32);
    }
}
