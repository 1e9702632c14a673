package io.mq.protocol.body;

/**
 * What a name server tells a registering broker: for a slave, its master's address and HA address (null for a
 * master, or when the master is unknown), plus the name server's order-topic KV table (may be empty).
 */
public record RegisterBrokerResult(String haServerAddr, String masterAddr, KVTable kvTable) {

    public RegisterBrokerResult {
        kvTable = kvTable == null ? new KVTable(null) : kvTable;
    }
}
