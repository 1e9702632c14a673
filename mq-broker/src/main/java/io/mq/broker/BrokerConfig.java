package io.mq.broker;

import io.mq.broker.schedule.DelayLevels;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a broker is and how it behaves, apart from the store's own settings. Immutable; build one with
 * {@link #defaults()} and the {@code with*} methods, or from the app's {@code mq.broker.*} properties.
 *
 * @param clusterName      cluster the broker registers under
 * @param brokerName       brokerName in routes
 * @param brokerIp         address advertised to clients (the route carries brokerIp:port)
 * @param port             listen port; 0 picks a free one (tests)
 * @param nameServers      name servers to register with, "host:port"; empty = none (the app fills in its own)
 * @param autoCreateTopic  create a topic on its first send, from TBW102
 * @param defaultTopicQueueNums queues of an auto-created topic
 * @param maxMessageSize   largest body accepted, bytes
 * @param maxFrameLength   largest frame accepted, bytes
 * @param registerInterval how often the broker re-registers with the name servers
 * @param longPollingMaxHold upper bound on how long a pull is held when no message is there
 * @param messageDelayLevel the delay of each delay level (RocketMQ's messageDelayLevel, 18 levels by default)
 * @param transactionTimeout how old a half message must be before its producer group is asked for the outcome
 *                           (RocketMQ transactionTimeOut, 6 s); a message's CHECK_IMMUNITY_TIME_IN_SECONDS overrides it
 * @param transactionCheckInterval how often the broker scans for half messages to check (60 s)
 * @param transactionCheckMax how many times a half message is checked before it is discarded to
 *                            TRANS_CHECK_MAX_TIME_TOPIC (15)
 */
public record BrokerConfig(
        String clusterName,
        String brokerName,
        String brokerIp,
        int port,
        List<String> nameServers,
        boolean autoCreateTopic,
        int defaultTopicQueueNums,
        int maxMessageSize,
        int maxFrameLength,
        Duration registerInterval,
        Duration longPollingMaxHold,
        DelayLevels messageDelayLevel,
        Duration transactionTimeout,
        Duration transactionCheckInterval,
        int transactionCheckMax) {

    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofSeconds(6);
    public static final Duration DEFAULT_TRANSACTION_CHECK_INTERVAL = Duration.ofSeconds(60);
    public static final int DEFAULT_TRANSACTION_CHECK_MAX = 15;

    public BrokerConfig {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(brokerName, "brokerName");
        Objects.requireNonNull(brokerIp, "brokerIp");
        Objects.requireNonNull(messageDelayLevel, "messageDelayLevel");
        nameServers = List.copyOf(nameServers);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxMessageSize <= 0 || maxFrameLength <= maxMessageSize) {
            throw new IllegalArgumentException("maxMessageSize (" + maxMessageSize
                    + ") must be positive and below maxFrameLength (" + maxFrameLength + ")");
        }
        Objects.requireNonNull(transactionTimeout, "transactionTimeout");
        Objects.requireNonNull(transactionCheckInterval, "transactionCheckInterval");
        if (transactionTimeout.isNegative() || transactionCheckInterval.isNegative() || transactionCheckInterval.isZero()
                || transactionCheckMax < 1) {
            throw new IllegalArgumentException("transactionTimeout must not be negative, transactionCheckInterval"
                    + " must be positive and transactionCheckMax at least 1; got " + transactionTimeout + ", "
                    + transactionCheckInterval + ", " + transactionCheckMax);
        }
    }

    /** The settings without the transaction ones, which take RocketMQ's defaults (callers from before they existed). */
    public BrokerConfig(String clusterName, String brokerName, String brokerIp, int port, List<String> nameServers,
            boolean autoCreateTopic, int defaultTopicQueueNums, int maxMessageSize, int maxFrameLength,
            Duration registerInterval, Duration longPollingMaxHold, DelayLevels messageDelayLevel) {
        this(clusterName, brokerName, brokerIp, port, nameServers, autoCreateTopic, defaultTopicQueueNums,
                maxMessageSize, maxFrameLength, registerInterval, longPollingMaxHold, messageDelayLevel,
                DEFAULT_TRANSACTION_TIMEOUT, DEFAULT_TRANSACTION_CHECK_INTERVAL, DEFAULT_TRANSACTION_CHECK_MAX);
    }

    public static BrokerConfig defaults() {
        return new BrokerConfig("DefaultCluster", "broker-a", "127.0.0.1", 10911, List.of(), true, 8,
                4 * 1024 * 1024, 16 * 1024 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(30),
                DelayLevels.defaults());
    }

    /** "ip:port" as clients see it. */
    public String address(int boundPort) {
        return brokerIp + ":" + boundPort;
    }

    public BrokerConfig withPort(int port) {
        return new BrokerConfig(clusterName, brokerName, brokerIp, port, nameServers, autoCreateTopic,
                defaultTopicQueueNums, maxMessageSize, maxFrameLength, registerInterval, longPollingMaxHold,
                messageDelayLevel, transactionTimeout, transactionCheckInterval, transactionCheckMax);
    }

    public BrokerConfig withNameServers(List<String> nameServers) {
        return new BrokerConfig(clusterName, brokerName, brokerIp, port, nameServers, autoCreateTopic,
                defaultTopicQueueNums, maxMessageSize, maxFrameLength, registerInterval, longPollingMaxHold,
                messageDelayLevel, transactionTimeout, transactionCheckInterval, transactionCheckMax);
    }

    public BrokerConfig withAutoCreateTopic(boolean autoCreateTopic) {
        return new BrokerConfig(clusterName, brokerName, brokerIp, port, nameServers, autoCreateTopic,
                defaultTopicQueueNums, maxMessageSize, maxFrameLength, registerInterval, longPollingMaxHold,
                messageDelayLevel, transactionTimeout, transactionCheckInterval, transactionCheckMax);
    }

    public BrokerConfig withIdentity(String clusterName, String brokerName, String brokerIp) {
        return new BrokerConfig(clusterName, brokerName, brokerIp, port, nameServers, autoCreateTopic,
                defaultTopicQueueNums, maxMessageSize, maxFrameLength, registerInterval, longPollingMaxHold,
                messageDelayLevel, transactionTimeout, transactionCheckInterval, transactionCheckMax);
    }

    public BrokerConfig withLimits(int maxMessageSize, int maxFrameLength) {
        return new BrokerConfig(clusterName, brokerName, brokerIp, port, nameServers, autoCreateTopic,
                defaultTopicQueueNums, maxMessageSize, maxFrameLength, registerInterval, longPollingMaxHold,
                messageDelayLevel, transactionTimeout, transactionCheckInterval, transactionCheckMax);
    }

    /**
     * The delay-level table, written as RocketMQ writes it ({@code "1s 5s 10s 30s 1m ..."}). Throws
     * IllegalArgumentException naming the setting when the table cannot be read.
     */
    public BrokerConfig withMessageDelayLevel(String table) {
        return new BrokerConfig(clusterName, brokerName, brokerIp, port, nameServers, autoCreateTopic,
                defaultTopicQueueNums, maxMessageSize, maxFrameLength, registerInterval, longPollingMaxHold,
                DelayLevels.parse(table), transactionTimeout, transactionCheckInterval, transactionCheckMax);
    }

    public BrokerConfig withTransactionTimeout(Duration timeout) {
        return new BrokerConfig(clusterName, brokerName, brokerIp, port, nameServers, autoCreateTopic,
                defaultTopicQueueNums, maxMessageSize, maxFrameLength, registerInterval, longPollingMaxHold,
                messageDelayLevel, timeout, transactionCheckInterval, transactionCheckMax);
    }

    public BrokerConfig withTransactionCheckInterval(Duration interval) {
        return new BrokerConfig(clusterName, brokerName, brokerIp, port, nameServers, autoCreateTopic,
                defaultTopicQueueNums, maxMessageSize, maxFrameLength, registerInterval, longPollingMaxHold,
                messageDelayLevel, transactionTimeout, interval, transactionCheckMax);
    }

    public BrokerConfig withTransactionCheckMax(int checkMax) {
        return new BrokerConfig(clusterName, brokerName, brokerIp, port, nameServers, autoCreateTopic,
                defaultTopicQueueNums, maxMessageSize, maxFrameLength, registerInterval, longPollingMaxHold,
                messageDelayLevel, transactionTimeout, transactionCheckInterval, checkMax);
    }
}
