package io.mq.client.scenario;

import io.mq.client.ClientConfig;

/**
 * A name server and one broker the scenario suite runs against: ours in this JVM, or a real Apache RocketMQ 5.2.0 in
 * forked JVMs. Both are configured alike: every delay level one second, transaction checks after one second, SQL
 * filtering on.
 */
interface BrokerUnderTest extends AutoCloseable {

    /** Every delay level one second, so retries and delay scenarios take seconds. */
    String SHORT_DELAY_LEVELS = "1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s";

    /** "ours" or "apache", for names and messages. */
    String kind();

    String nameServerAddress();

    String brokerAddress();

    String brokerName();

    String clusterName();

    /** A client of its own (its own client id) on this broker's name server, heartbeats every 5 s. */
    default ClientConfig clientConfig(String instanceName) {
        return ClientConfig.of(nameServerAddress()).withInstanceName(kind() + "-" + instanceName)
                .withHeartbeatInterval(java.time.Duration.ofSeconds(5));
    }

    @Override
    void close();
}
