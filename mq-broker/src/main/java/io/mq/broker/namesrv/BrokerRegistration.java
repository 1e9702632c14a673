package io.mq.broker.namesrv;

import io.mq.protocol.body.TopicConfigSerializeWrapper;
import java.time.Duration;
import java.util.List;

/**
 * One REGISTER_BROKER as the registry sees it. {@code filterServers} null leaves the known list alone (a 3.x
 * style register), empty clears it; {@code heartbeatTimeout} null means the name server's default expiry.
 */
public record BrokerRegistration(String clusterName, String brokerName, long brokerId, String brokerAddr,
                                 String haServerAddr, TopicConfigSerializeWrapper topicConfig,
                                 List<String> filterServers, Duration heartbeatTimeout) {

    public static final long MASTER_ID = 0L;

    public BrokerRegistration {
        topicConfig = topicConfig == null ? new TopicConfigSerializeWrapper(null, null) : topicConfig;
        filterServers = filterServers == null ? null : List.copyOf(filterServers);
    }

    public boolean isMaster() {
        return brokerId == MASTER_ID;
    }
}
