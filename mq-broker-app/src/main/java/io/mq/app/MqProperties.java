package io.mq.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the broker app reads under {@code mq.*}. These names are interface: docs, docker-compose and
 * operators' scripts rely on them. A bad value fails start-up with a message naming the property.
 */
@Validated
@ConfigurationProperties("mq")
public class MqProperties {

    @Valid
    private final Namesrv namesrv = new Namesrv();
    @Valid
    private final Broker broker = new Broker();
    @Valid
    private final Remoting remoting = new Remoting();
    @Valid
    private final Store store = new Store();

    public Namesrv getNamesrv() { return namesrv; }
    public Broker getBroker() { return broker; }
    public Remoting getRemoting() { return remoting; }
    public Store getStore() { return store; }

    /** The name server role. */
    public static class Namesrv {
        /** Whether this process runs a name server. */
        private boolean enabled = true;
        /** Port the name server listens on. */
        @Min(0) @Max(65535)
        private int port = 9876;
        /**
         * Name server address(es) the broker registers with, "host:port" separated by ';'. Default: the
         * in-process name server.
         */
        @Pattern(regexp = "^$|^[^;\\s]+:\\d+(;[^;\\s]+:\\d+)*$", message = "must be host:port, separated by ';'")
        private String address = "";
        /** A broker not heard from for this long is dropped from routes. */
        @NotNull
        private Duration brokerExpiry = Duration.ofSeconds(120);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public Duration getBrokerExpiry() { return brokerExpiry; }
        public void setBrokerExpiry(Duration brokerExpiry) { this.brokerExpiry = brokerExpiry; }
    }

    /** The broker role. */
    public static class Broker {
        /** Whether this process runs a broker. */
        private boolean enabled = true;
        /** Port the broker listens on. */
        @Min(0) @Max(65535)
        private int port = 10911;
        /** The address advertised to clients through the name server. Default: this host's first non-loopback IPv4, else 127.0.0.1. */
        private String ip = "";
        /** Broker name (brokerName in routes). */
        @NotBlank @Pattern(regexp = "^[a-zA-Z0-9_-]+$", message = "may hold letters, digits, '_' and '-' only")
        private String name = "broker-a";
        /** Cluster the broker belongs to. */
        @NotBlank @Pattern(regexp = "^[a-zA-Z0-9_-]+$", message = "may hold letters, digits, '_' and '-' only")
        private String clusterName = "DefaultCluster";
        /** ASYNC_FLUSH (fsync on an interval) or SYNC_FLUSH (a send is acknowledged after an fsync covers it). */
        @NotNull
        private FlushDiskType flushDiskType = FlushDiskType.ASYNC_FLUSH;
        /** Create a topic on its first send, from TBW102, as the tutorial's autoCreateTopicEnable=true. */
        private boolean autoCreateTopicEnable = true;
        /** Largest message body accepted; larger sends are refused with MESSAGE_ILLEGAL. */
        @NotNull
        private DataSize maxMessageSize = DataSize.ofMegabytes(4);
        /** The delay of each delay level 1, 2, ... (RocketMQ's messageDelayLevel): whole numbers followed by s, m, h or d. */
        @NotBlank
        private String messageDelayLevel = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";
        /**
         * How old a half (transactional) message must be before the broker asks its producer group for the outcome
         * (RocketMQ transactionTimeOut). A message's CHECK_IMMUNITY_TIME_IN_SECONDS overrides it.
         */
        @NotNull
        private Duration transactionTimeout = Duration.ofSeconds(6);
        /** How often the broker scans for half messages to check (RocketMQ transactionCheckInterval). */
        @NotNull
        private Duration transactionCheckInterval = Duration.ofSeconds(60);
        /** Checks of one half message before it is parked in TRANS_CHECK_MAX_TIME_TOPIC and never delivered. */
        @Min(1)
        private int transactionCheckMax = 15;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
        public String getIp() { return ip; }
        public void setIp(String ip) { this.ip = ip; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getClusterName() { return clusterName; }
        public void setClusterName(String clusterName) { this.clusterName = clusterName; }
        public FlushDiskType getFlushDiskType() { return flushDiskType; }
        public void setFlushDiskType(FlushDiskType flushDiskType) { this.flushDiskType = flushDiskType; }
        public boolean isAutoCreateTopicEnable() { return autoCreateTopicEnable; }
        public void setAutoCreateTopicEnable(boolean autoCreateTopicEnable) { this.autoCreateTopicEnable = autoCreateTopicEnable; }
        public DataSize getMaxMessageSize() { return maxMessageSize; }
        public void setMaxMessageSize(DataSize maxMessageSize) { this.maxMessageSize = maxMessageSize; }
        public String getMessageDelayLevel() { return messageDelayLevel; }
        public void setMessageDelayLevel(String messageDelayLevel) { this.messageDelayLevel = messageDelayLevel; }
        public Duration getTransactionTimeout() { return transactionTimeout; }
        public void setTransactionTimeout(Duration transactionTimeout) { this.transactionTimeout = transactionTimeout; }
        public Duration getTransactionCheckInterval() { return transactionCheckInterval; }
        public void setTransactionCheckInterval(Duration transactionCheckInterval) { this.transactionCheckInterval = transactionCheckInterval; }
        public int getTransactionCheckMax() { return transactionCheckMax; }
        public void setTransactionCheckMax(int transactionCheckMax) { this.transactionCheckMax = transactionCheckMax; }
    }

    /** The wire. */
    public static class Remoting {
        /** Largest frame accepted; a longer length prefix closes the connection before anything is allocated. */
        @NotNull
        private DataSize maxFrameSize = DataSize.ofMegabytes(16);

        public DataSize getMaxFrameSize() { return maxFrameSize; }
        public void setMaxFrameSize(DataSize maxFrameSize) { this.maxFrameSize = maxFrameSize; }
    }

    /** The message store. */
    public static class Store {
        /** Root folder of the commit log, consume queues, index and metadata. */
        @NotNull
        private Path dir = Path.of(System.getProperty("user.home"), "mq-store");
        /** Size of one commit-log segment file. */
        @NotNull
        private DataSize commitLogSegmentSize = DataSize.ofGigabytes(1);

        public Path getDir() { return dir; }
        public void setDir(Path dir) { this.dir = dir; }
        public DataSize getCommitLogSegmentSize() { return commitLogSegmentSize; }
        public void setCommitLogSegmentSize(DataSize commitLogSegmentSize) { this.commitLogSegmentSize = commitLogSegmentSize; }
    }

    /** Mirrors the store's flush modes so the properties class stays free of core types. */
    public enum FlushDiskType { ASYNC_FLUSH, SYNC_FLUSH }
}
