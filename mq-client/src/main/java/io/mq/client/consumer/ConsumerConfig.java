package io.mq.client.consumer;

import io.mq.protocol.body.MessageModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a push consumer (and, where it applies, a lite pull consumer) of one group consumes. Defaults follow the
 * official client 4.9.7 / 5.2.0; build with {@link #builder(String)}.
 *
 * @param group                     the consumer group
 * @param messageModel              CLUSTERING shares the queues among the group, BROADCASTING gives each member all
 * @param consumeFrom               where a group without a committed offset starts
 * @param consumeTimestamp          the start of {@link ConsumeFrom#TIMESTAMP} (default: half an hour ago)
 * @param consumeThreads            threads of a concurrent listener (20)
 * @param pullBatchSize             messages asked per pull (32)
 * @param consumeBatchSize          messages per listener call at most (1)
 * @param maxReconsumeTimes         retries before the dead-letter queue; -1: 16 when concurrent, unlimited when
 *                                  orderly (as the official client)
 * @param consumeTimeout            a message whose consumption takes longer is handed back for retry (15 min)
 * @param pullThresholdForQueue     pulling of a queue pauses while this many messages wait (1000)
 * @param pullThresholdSizeForQueue ... or this many body bytes (100 MiB)
 * @param brokerSuspendTime         how long the broker holds a pull that found nothing (15 s)
 * @param pullTimeout               request timeout of a held pull, above the hold (30 s)
 * @param persistInterval           how often consumed offsets are committed (5 s)
 * @param rebalanceInterval         how often the queues are shared out again besides membership changes (20 s)
 * @param suspendCurrentQueueTime   default pause of an orderly queue after a SUSPEND (1 s)
 * @param offsetStoreDir            where broadcasting consumers keep their offsets (~/.mq_offsets)
 * @param shutdownTimeout           how long closing waits for messages being consumed (10 s)
 */
public record ConsumerConfig(
        String group,
        MessageModel messageModel,
        ConsumeFrom consumeFrom,
        Instant consumeTimestamp,
        int consumeThreads,
        int pullBatchSize,
        int consumeBatchSize,
        int maxReconsumeTimes,
        Duration consumeTimeout,
        int pullThresholdForQueue,
        long pullThresholdSizeForQueue,
        Duration brokerSuspendTime,
        Duration pullTimeout,
        Duration persistInterval,
        Duration rebalanceInterval,
        Duration suspendCurrentQueueTime,
        Path offsetStoreDir,
        Duration shutdownTimeout) {

    public ConsumerConfig {
        Objects.requireNonNull(group, "group");
        if (group.isBlank()) {
            throw new IllegalArgumentException("consumer group is blank");
        }
        Objects.requireNonNull(messageModel, "messageModel");
        Objects.requireNonNull(consumeFrom, "consumeFrom");
        Objects.requireNonNull(consumeTimestamp, "consumeTimestamp");
        Objects.requireNonNull(offsetStoreDir, "offsetStoreDir");
        positive(consumeThreads, "consumeThreads");
        if (pullBatchSize < 1 || pullBatchSize > 1024) {
            throw new IllegalArgumentException("pullBatchSize must be 1..1024, got " + pullBatchSize);
        }
        if (consumeBatchSize < 1 || consumeBatchSize > 1024) {
            throw new IllegalArgumentException("consumeBatchSize must be 1..1024, got " + consumeBatchSize);
        }
        if (maxReconsumeTimes < -1) {
            throw new IllegalArgumentException("maxReconsumeTimes must be -1 or more, got " + maxReconsumeTimes);
        }
        positive(pullThresholdForQueue, "pullThresholdForQueue");
        positive(pullThresholdSizeForQueue, "pullThresholdSizeForQueue");
        for (var d : new Duration[] {consumeTimeout, brokerSuspendTime, pullTimeout, persistInterval,
                rebalanceInterval, suspendCurrentQueueTime, shutdownTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive: " + d);
            }
        }
        if (pullTimeout.compareTo(brokerSuspendTime) <= 0) {
            throw new IllegalArgumentException("pullTimeout (" + pullTimeout + ") must exceed brokerSuspendTime ("
                    + brokerSuspendTime + ")");
        }
    }

    public static Builder builder(String group) {
        return new Builder(group);
    }

    /** Defaults for a clustering group. */
    public static ConsumerConfig of(String group) {
        return builder(group).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public boolean clustering() {
        return messageModel == MessageModel.CLUSTERING;
    }

    /** The retry limit in effect: -1 means 16 for concurrent listeners, unlimited for orderly ones. */
    int effectiveMaxReconsumeTimes(boolean orderly) {
        if (maxReconsumeTimes >= 0) {
            return maxReconsumeTimes;
        }
        return orderly ? Integer.MAX_VALUE : 16;
    }

    private static void positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Builds a {@link ConsumerConfig}; every setting starts at the official client's default. */
    public static final class Builder {
        private String group;
        private MessageModel messageModel = MessageModel.CLUSTERING;
        private ConsumeFrom consumeFrom = ConsumeFrom.LAST_OFFSET;
        private Instant consumeTimestamp = Instant.now().minus(Duration.ofMinutes(30));
        private int consumeThreads = 20;
        private int pullBatchSize = 32;
        private int consumeBatchSize = 1;
        private int maxReconsumeTimes = -1;
        private Duration consumeTimeout = Duration.ofMinutes(15);
        private int pullThresholdForQueue = 1000;
        private long pullThresholdSizeForQueue = 100L * 1024 * 1024;
        private Duration brokerSuspendTime = Duration.ofSeconds(15);
        private Duration pullTimeout = Duration.ofSeconds(30);
        private Duration persistInterval = Duration.ofSeconds(5);
        private Duration rebalanceInterval = Duration.ofSeconds(20);
        private Duration suspendCurrentQueueTime = Duration.ofSeconds(1);
        private Path offsetStoreDir = Path.of(System.getProperty("user.home"), ".mq_offsets");
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        private Builder(String group) {
            this.group = group;
        }

        private Builder(ConsumerConfig c) {
            group = c.group;
            messageModel = c.messageModel;
            consumeFrom = c.consumeFrom;
            consumeTimestamp = c.consumeTimestamp;
            consumeThreads = c.consumeThreads;
            pullBatchSize = c.pullBatchSize;
            consumeBatchSize = c.consumeBatchSize;
            maxReconsumeTimes = c.maxReconsumeTimes;
            consumeTimeout = c.consumeTimeout;
            pullThresholdForQueue = c.pullThresholdForQueue;
            pullThresholdSizeForQueue = c.pullThresholdSizeForQueue;
            brokerSuspendTime = c.brokerSuspendTime;
            pullTimeout = c.pullTimeout;
            persistInterval = c.persistInterval;
            rebalanceInterval = c.rebalanceInterval;
            suspendCurrentQueueTime = c.suspendCurrentQueueTime;
            offsetStoreDir = c.offsetStoreDir;
            shutdownTimeout = c.shutdownTimeout;
        }

        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public Builder messageModel(MessageModel messageModel) {
            this.messageModel = messageModel;
            return this;
        }

        public Builder broadcasting() {
            return messageModel(MessageModel.BROADCASTING);
        }

        public Builder consumeFrom(ConsumeFrom consumeFrom) {
            this.consumeFrom = consumeFrom;
            return this;
        }

        /** Start a new group at the first message stored at or after {@code timestamp}. */
        public Builder consumeFromTimestamp(Instant timestamp) {
            this.consumeFrom = ConsumeFrom.TIMESTAMP;
            this.consumeTimestamp = timestamp;
            return this;
        }

        public Builder consumeThreads(int consumeThreads) {
            this.consumeThreads = consumeThreads;
            return this;
        }

        public Builder pullBatchSize(int pullBatchSize) {
            this.pullBatchSize = pullBatchSize;
            return this;
        }

        public Builder consumeBatchSize(int consumeBatchSize) {
            this.consumeBatchSize = consumeBatchSize;
            return this;
        }

        public Builder maxReconsumeTimes(int maxReconsumeTimes) {
            this.maxReconsumeTimes = maxReconsumeTimes;
            return this;
        }

        public Builder consumeTimeout(Duration consumeTimeout) {
            this.consumeTimeout = consumeTimeout;
            return this;
        }

        public Builder pullThresholds(int messagesPerQueue, long bytesPerQueue) {
            this.pullThresholdForQueue = messagesPerQueue;
            this.pullThresholdSizeForQueue = bytesPerQueue;
            return this;
        }

        /** The broker's hold of an empty pull, and the request timeout (which must be longer). */
        public Builder longPolling(Duration brokerSuspendTime, Duration pullTimeout) {
            this.brokerSuspendTime = brokerSuspendTime;
            this.pullTimeout = pullTimeout;
            return this;
        }

        public Builder persistInterval(Duration persistInterval) {
            this.persistInterval = persistInterval;
            return this;
        }

        public Builder rebalanceInterval(Duration rebalanceInterval) {
            this.rebalanceInterval = rebalanceInterval;
            return this;
        }

        public Builder suspendCurrentQueueTime(Duration suspendCurrentQueueTime) {
            this.suspendCurrentQueueTime = suspendCurrentQueueTime;
            return this;
        }

        public Builder offsetStoreDir(Path offsetStoreDir) {
            this.offsetStoreDir = offsetStoreDir;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        public ConsumerConfig build() {
            return new ConsumerConfig(group, messageModel, consumeFrom, consumeTimestamp, consumeThreads,
                    pullBatchSize, consumeBatchSize, maxReconsumeTimes, consumeTimeout, pullThresholdForQueue,
                    pullThresholdSizeForQueue, brokerSuspendTime, pullTimeout, persistInterval, rebalanceInterval,
                    suspendCurrentQueueTime, offsetStoreDir, shutdownTimeout);
        }
    }
}
