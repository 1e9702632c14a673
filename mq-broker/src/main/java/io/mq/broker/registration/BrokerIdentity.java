package io.mq.broker.registration;

/**
 * Who a broker is to the name servers: its cluster, group name, id in the group (0 = master), the address
 * clients reach it at ("ip:port") and the address its slaves replicate from ("ip:haPort").
 */
public record BrokerIdentity(String clusterName, String brokerName, long brokerId, String brokerAddr,
                             String haServerAddr) {

    public BrokerIdentity {
        require(clusterName, "clusterName");
        require(brokerName, "brokerName");
        require(brokerAddr, "brokerAddr");
        require(haServerAddr, "haServerAddr");
        if (brokerId < 0) {
            throw new IllegalArgumentException("brokerId must not be negative");
        }
    }

    /** A master (id 0) in {@code clusterName}. */
    public static BrokerIdentity master(String clusterName, String brokerName, String brokerAddr, String haServerAddr) {
        return new BrokerIdentity(clusterName, brokerName, 0, brokerAddr, haServerAddr);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
