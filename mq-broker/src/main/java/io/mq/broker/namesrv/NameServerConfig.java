package io.mq.broker.namesrv;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of a {@link NameServer}.
 *
 * @param port              TCP port to listen on (0 picks a free one)
 * @param brokerExpiry      a broker not heard from for this long is dropped (RocketMQ: 120 s)
 * @param scanInterval      how often expired brokers are looked for (RocketMQ: 10 s)
 * @param kvConfigPath      where KV settings are kept across restarts; null keeps them in memory
 * @param orderMessageEnable add the ORDER_TOPIC_CONFIG entry of a topic to its route (RocketMQ's option)
 * @param processorThreads  threads handling requests
 */
public record NameServerConfig(int port, Duration brokerExpiry, Duration scanInterval, Path kvConfigPath,
                               boolean orderMessageEnable, int processorThreads) {

    public static final int DEFAULT_PORT = 9876;

    public NameServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (brokerExpiry == null || brokerExpiry.isNegative() || brokerExpiry.isZero()) {
            throw new IllegalArgumentException("brokerExpiry must be positive");
        }
        if (scanInterval == null || scanInterval.isNegative() || scanInterval.isZero()) {
            throw new IllegalArgumentException("scanInterval must be positive");
        }
        if (processorThreads < 1) {
            throw new IllegalArgumentException("processorThreads must be at least 1");
        }
    }

    /** RocketMQ's defaults: port 9876, brokers expire after 120 s, scanned every 10 s, KV settings in memory. */
    public static NameServerConfig defaults() {
        return new NameServerConfig(DEFAULT_PORT, Duration.ofSeconds(120), Duration.ofSeconds(10), null, false, 8);
    }

    public NameServerConfig withPort(int newPort) {
        return new NameServerConfig(newPort, brokerExpiry, scanInterval, kvConfigPath, orderMessageEnable, processorThreads);
    }

    public NameServerConfig withBrokerExpiry(Duration expiry, Duration interval) {
        return new NameServerConfig(port, expiry, interval, kvConfigPath, orderMessageEnable, processorThreads);
    }

    public NameServerConfig withKvConfigPath(Path path) {
        return new NameServerConfig(port, brokerExpiry, scanInterval, path, orderMessageEnable, processorThreads);
    }

    public NameServerConfig withOrderMessageEnable(boolean enable) {
        return new NameServerConfig(port, brokerExpiry, scanInterval, kvConfigPath, enable, processorThreads);
    }
}
