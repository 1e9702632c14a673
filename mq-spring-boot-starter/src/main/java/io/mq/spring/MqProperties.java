package io.mq.spring;

import io.mq.client.consumer.ConsumeFrom;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the MQ starter, under {@code mq.*}. Nothing starts unless {@code mq.name-server} is set (or a
 * {@link MqConnectionDetails} bean supplies the address).
 */
@ConfigurationProperties("mq")
public class MqProperties {

    /** Name-server addresses, "host:port", several separated by ";" (e.g. "10.0.0.1:9876;10.0.0.2:9876"). */
    private String nameServer;

    /**
     * Second half of the client id (clientIp@instanceName); two applications of one consumer group in one JVM need
     * different names. Defaults to the process id.
     */
    private String instanceName;

    /** Timeout of name-server and admin requests. */
    private Duration requestTimeout = Duration.ofSeconds(3);

    /** How often every broker hears which groups this client is in. */
    private Duration heartbeatInterval = Duration.ofSeconds(30);

    /** How often the routes of the topics in use are fetched again. */
    private Duration routePollInterval = Duration.ofSeconds(30);

    private final Producer producer = new Producer();

    private final Consumer consumer = new Consumer();

    private final Transaction transaction = new Transaction();

    public String getNameServer() {
        return nameServer;
    }

    public void setNameServer(String nameServer) {
        this.nameServer = nameServer;
    }

    public String getInstanceName() {
        return instanceName;
    }

    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public Duration getRoutePollInterval() {
        return routePollInterval;
    }

    public void setRoutePollInterval(Duration routePollInterval) {
        this.routePollInterval = routePollInterval;
    }

    public Producer getProducer() {
        return producer;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public Transaction getTransaction() {
        return transaction;
    }

    /** The producer behind {@code MqTemplate}. */
    public static class Producer {

        /**
         * Producer group. Defaults to "${spring.application.name}-producer", or "DEFAULT_PRODUCER" when the
         * application has no name.
         */
        private String group;

        /** Timeout of a whole send, retries included. */
        private Duration sendTimeout = Duration.ofSeconds(3);

        /** Further attempts after a failed sync, async or batch send, on another broker when there is one. */
        private int retries = 2;

        /** Bodies of at least this many bytes are sent zlib-compressed. */
        private int compressThreshold = 4096;

        /** Largest body (or encoded batch) accepted, in bytes. */
        private int maxMessageSize = 4194304;

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public Duration getSendTimeout() {
            return sendTimeout;
        }

        public void setSendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
        }

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        public int getCompressThreshold() {
            return compressThreshold;
        }

        public void setCompressThreshold(int compressThreshold) {
            this.compressThreshold = compressThreshold;
        }

        public int getMaxMessageSize() {
            return maxMessageSize;
        }

        public void setMaxMessageSize(int maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }
    }

    /** Defaults of every {@code @MqListener} container; an annotation attribute overrides its setting. */
    public static class Consumer {

        /** Threads of a concurrently consuming listener. */
        private int consumeThreads = 20;

        /**
         * Deliveries retried before a message goes to the dead-letter queue %DLQ%group; -1 means 16 for concurrent
         * listeners and unlimited for orderly ones.
         */
        private int maxReconsumeTimes = -1;

        /** Messages asked per pull. */
        private int pullBatchSize = 32;

        /** Where a group without a committed offset starts: LAST_OFFSET, FIRST_OFFSET or TIMESTAMP. */
        private ConsumeFrom consumeFrom = ConsumeFrom.LAST_OFFSET;

        /** How often the queues are shared out again among the group, besides membership changes. */
        private Duration rebalanceInterval = Duration.ofSeconds(20);

        /** How often consumed offsets are committed to the broker. */
        private Duration persistInterval = Duration.ofSeconds(5);

        /** A message whose consumption takes longer is handed back for retry. */
        private Duration consumeTimeout = Duration.ofMinutes(15);

        /** How long stopping a listener waits for the messages being consumed. */
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        /** Where broadcasting listeners keep their offsets (default ~/.mq_offsets). */
        private Path offsetStoreDir;

        public int getConsumeThreads() {
            return consumeThreads;
        }

        public void setConsumeThreads(int consumeThreads) {
            this.consumeThreads = consumeThreads;
        }

        public int getMaxReconsumeTimes() {
            return maxReconsumeTimes;
        }

        public void setMaxReconsumeTimes(int maxReconsumeTimes) {
            this.maxReconsumeTimes = maxReconsumeTimes;
        }

        public int getPullBatchSize() {
            return pullBatchSize;
        }

        public void setPullBatchSize(int pullBatchSize) {
            this.pullBatchSize = pullBatchSize;
        }

        public ConsumeFrom getConsumeFrom() {
            return consumeFrom;
        }

        public void setConsumeFrom(ConsumeFrom consumeFrom) {
            this.consumeFrom = consumeFrom;
        }

        public Duration getRebalanceInterval() {
            return rebalanceInterval;
        }

        public void setRebalanceInterval(Duration rebalanceInterval) {
            this.rebalanceInterval = rebalanceInterval;
        }

        public Duration getPersistInterval() {
            return persistInterval;
        }

        public void setPersistInterval(Duration persistInterval) {
            this.persistInterval = persistInterval;
        }

        public Duration getConsumeTimeout() {
            return consumeTimeout;
        }

        public void setConsumeTimeout(Duration consumeTimeout) {
            this.consumeTimeout = consumeTimeout;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public Path getOffsetStoreDir() {
            return offsetStoreDir;
        }

        public void setOffsetStoreDir(Path offsetStoreDir) {
            this.offsetStoreDir = offsetStoreDir;
        }
    }

    /** Messages sent in a database transaction ({@code MqTemplate.sendInTransaction}) and their check-backs. */
    public static class Transaction {

        /** Producer group of transactional sends; defaults to the producer group followed by "-tx". */
        private String producerGroup;

        /** Threads answering the broker's transaction check-backs. */
        private int checkThreads = 1;

        /** Table that records, in the application's database transaction, each message sent in it. */
        private String tableName = "mq_transaction_log";

        /** How long rows of the transaction table are kept before the cleanup removes them. */
        private Duration cleanupHorizon = Duration.ofDays(7);

        /** Create the transaction table at startup unless it exists (CREATE TABLE IF NOT EXISTS). */
        private boolean initializeSchema = true;

        /**
         * How long a check-back waits for a database transaction that holds the message's row before answering
         * UNKNOWN (the broker asks again later). MariaDB and MySQL round it up to whole seconds.
         */
        private Duration checkLockTimeout = Duration.ofMillis(500);

        /** How often rows older than the cleanup horizon are deleted. */
        private Duration cleanupInterval = Duration.ofHours(1);

        /** Rows deleted per statement by the cleanup. */
        private int cleanupBatchSize = 1000;

        public boolean isInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public Duration getCheckLockTimeout() {
            return checkLockTimeout;
        }

        public void setCheckLockTimeout(Duration checkLockTimeout) {
            this.checkLockTimeout = checkLockTimeout;
        }

        public Duration getCleanupInterval() {
            return cleanupInterval;
        }

        public void setCleanupInterval(Duration cleanupInterval) {
            this.cleanupInterval = cleanupInterval;
        }

        public int getCleanupBatchSize() {
            return cleanupBatchSize;
        }

        public void setCleanupBatchSize(int cleanupBatchSize) {
            this.cleanupBatchSize = cleanupBatchSize;
        }

        public String getProducerGroup() {
            return producerGroup;
        }

        public void setProducerGroup(String producerGroup) {
            this.producerGroup = producerGroup;
        }

        public int getCheckThreads() {
            return checkThreads;
        }

        public void setCheckThreads(int checkThreads) {
            this.checkThreads = checkThreads;
        }

        public String getTableName() {
            return tableName;
        }

        public void setTableName(String tableName) {
            this.tableName = tableName;
        }

        public Duration getCleanupHorizon() {
            return cleanupHorizon;
        }

        public void setCleanupHorizon(Duration cleanupHorizon) {
            this.cleanupHorizon = cleanupHorizon;
        }
    }
}
