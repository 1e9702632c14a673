package io.mq.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Everything the broker app reads under {@code mq.*}. These names are interface: docs, docker-compose and
 * operators' scripts rely on them. A bad value fails start-up with a message naming the property.
 *
 * <p>The class checks itself: Spring Boot applies a {@link Validator} that is the bound object, so the app needs
 * no Bean Validation provider, whose bootstrap (hundreds of classes) was a large share of the start-up time.
 */
@ConfigurationProperties("mq")
public class MqProperties implements Validator {

    private static final Pattern ADDRESS_LIST = Pattern.compile("^$|^[^;\\s]+:\\d+(;[^;\\s]+:\\d+)*$");
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    private static final String NAME_RULE = "may hold letters, digits, '_' and '-' only";

    private final Namesrv namesrv = new Namesrv();
    private final Broker broker = new Broker();
    private final Remoting remoting = new Remoting();
    private final Store store = new Store();

    public Namesrv getNamesrv() { return namesrv; }
    public Broker getBroker() { return broker; }
    public Remoting getRemoting() { return remoting; }
    public Store getStore() { return store; }

    @Override
    public boolean supports(Class<?> type) {
        return MqProperties.class == type;
    }

    /** The rules of each property; a field error names it ({@code broker.port} of object {@code mq}). */
    @Override
    public void validate(Object target, Errors errors) {
        var p = (MqProperties) target;
        port(errors, "namesrv.port", p.namesrv.port);
        if (p.namesrv.address == null || !ADDRESS_LIST.matcher(p.namesrv.address).matches()) {
            errors.rejectValue("namesrv.address", "Pattern", "must be host:port, separated by ';'");
        }
        notNull(errors, "namesrv.brokerExpiry", p.namesrv.brokerExpiry);
        port(errors, "broker.port", p.broker.port);
        name(errors, "broker.name", p.broker.name);
        name(errors, "broker.clusterName", p.broker.clusterName);
        notNull(errors, "broker.flushDiskType", p.broker.flushDiskType);
        notNull(errors, "broker.maxMessageSize", p.broker.maxMessageSize);
        if (p.broker.messageDelayLevel == null || p.broker.messageDelayLevel.isBlank()) {
            errors.rejectValue("broker.messageDelayLevel", "NotBlank", "must not be blank");
        }
        notNull(errors, "broker.transactionTimeout", p.broker.transactionTimeout);
        notNull(errors, "broker.transactionCheckInterval", p.broker.transactionCheckInterval);
        if (p.broker.transactionCheckMax < 1) {
            errors.rejectValue("broker.transactionCheckMax", "Min", "must be greater than or equal to 1");
        }
        notNull(errors, "remoting.maxFrameSize", p.remoting.maxFrameSize);
        notNull(errors, "store.dir", p.store.dir);
        notNull(errors, "store.commitLogSegmentSize", p.store.commitLogSegmentSize);
    }

    private static void port(Errors errors, String field, int port) {
        if (port < 0) {
            errors.rejectValue(field, "Min", "must be greater than or equal to 0");
        } else if (port > 65535) {
            errors.rejectValue(field, "Max", "must be less than or equal to 65535");
        }
    }

    private static void name(Errors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "NotBlank", "must not be blank");
        } else if (!NAME.matcher(value).matches()) {
            errors.rejectValue(field, "Pattern", NAME_RULE);
        }
    }

    private static void notNull(Errors errors, String field, Object value) {
        if (value == null) {
            errors.rejectValue(field, "NotNull", "must not be null");
        }
    }

    /** The name server role. */
    public static class Namesrv {
        /** Whether this process runs a name server. */
        private boolean enabled = true;
        /** Port the name server listens on. */
        private int port = 9876;
        /**
         * Name server address(es) the broker registers with, "host:port" separated by ';'. Default: the
         * in-process name server.
         */
        private String address = "";
        /** A broker not heard from for this long is dropped from routes. */
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
        private int port = 10911;
        /** The address advertised to clients through the name server. Default: this host's first non-loopback IPv4, else 127.0.0.1. */
        private String ip = "";
        /** Broker name (brokerName in routes). */
        private String name = "broker-a";
        /** Cluster the broker belongs to. */
        private String clusterName = "DefaultCluster";
        /** ASYNC_FLUSH (fsync on an interval) or SYNC_FLUSH (a send is acknowledged after an fsync covers it). */
        private FlushDiskType flushDiskType = FlushDiskType.ASYNC_FLUSH;
        /** Create a topic on its first send, from TBW102, as the tutorial's autoCreateTopicEnable=true. */
        private boolean autoCreateTopicEnable = true;
        /** Largest message body accepted; larger sends are refused with MESSAGE_ILLEGAL. */
        private DataSize maxMessageSize = DataSize.ofMegabytes(4);
        /** The delay of each delay level 1, 2, ... (RocketMQ's messageDelayLevel): whole numbers followed by s, m, h or d. */
        private String messageDelayLevel = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";
        /**
         * How old a half (transactional) message must be before the broker asks its producer group for the outcome
         * (RocketMQ transactionTimeOut). A message's CHECK_IMMUNITY_TIME_IN_SECONDS overrides it.
         */
        private Duration transactionTimeout = Duration.ofSeconds(6);
        /** How often the broker scans for half messages to check (RocketMQ transactionCheckInterval). */
        private Duration transactionCheckInterval = Duration.ofSeconds(60);
        /** Checks of one half message before it is parked in TRANS_CHECK_MAX_TIME_TOPIC and never delivered. */
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
        private DataSize maxFrameSize = DataSize.ofMegabytes(16);

        public DataSize getMaxFrameSize() { return maxFrameSize; }
        public void setMaxFrameSize(DataSize maxFrameSize) { this.maxFrameSize = maxFrameSize; }
    }

    /** The message store. */
    public static class Store {
        /** Root folder of the commit log, consume queues, index and metadata. */
        private Path dir = Path.of(System.getProperty("user.home"), "mq-store");
        /** Size of one commit-log segment file. */
        private DataSize commitLogSegmentSize = DataSize.ofGigabytes(1);

        public Path getDir() { return dir; }
        public void setDir(Path dir) { this.dir = dir; }
        public DataSize getCommitLogSegmentSize() { return commitLogSegmentSize; }
        public void setCommitLogSegmentSize(DataSize commitLogSegmentSize) { this.commitLogSegmentSize = commitLogSegmentSize; }
    }

    /** Mirrors the store's flush modes so the properties class stays free of core types. */
    public enum FlushDiskType { ASYNC_FLUSH, SYNC_FLUSH }
}
