package io.mq.client.producer;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one producer.
 *
 * @param group                  producer group; brokers ask a live member of it about pending transactions
 * @param sendTimeout            the whole of a send, retries included (3 s)
 * @param retries                further attempts after a failed one, on another broker when there is one (2);
 *                               sync, async and batch sends retry, one-way and selector sends do not
 * @param compressThreshold      bodies of at least this many bytes are sent zlib-compressed (4 KiB)
 * @param compressLevel          zlib level (5, as the official client)
 * @param maxMessageSize         largest body (or encoded batch) accepted (4 MiB)
 * @param retryWhenNotStored     also retry, on another broker, when the broker stored the message but answered
 *                               FLUSH_DISK_TIMEOUT / FLUSH_SLAVE_TIMEOUT / SLAVE_NOT_AVAILABLE (false)
 * @param faultAvoidance         avoid for a while a broker that failed or answered slowly (true)
 * @param createTopicKey         template topic for auto-creation (TBW102)
 * @param defaultTopicQueueNums  queues an auto-created topic gets (4)
 */
public record ProducerConfig(
        String group,
        Duration sendTimeout,
        int retries,
        int compressThreshold,
        int compressLevel,
        int maxMessageSize,
        boolean retryWhenNotStored,
        boolean faultAvoidance,
        String createTopicKey,
        int defaultTopicQueueNums) {

    public static final String DEFAULT_CREATE_TOPIC_KEY = "TBW102";

    public ProducerConfig {
        Objects.requireNonNull(group, "group");
        if (group.isBlank()) {
            throw new IllegalArgumentException("producer group must not be blank");
        }
        if (sendTimeout == null || sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException("sendTimeout must be positive: " + sendTimeout);
        }
        if (retries < 0 || compressThreshold < 0 || maxMessageSize <= 0 || defaultTopicQueueNums <= 0) {
            throw new IllegalArgumentException("retries and compressThreshold must not be negative, maxMessageSize "
                    + "and defaultTopicQueueNums must be positive");
        }
        if (compressLevel < 0 || compressLevel > 9) {
            throw new IllegalArgumentException("compressLevel must be 0..9: " + compressLevel);
        }
        Objects.requireNonNull(createTopicKey, "createTopicKey");
    }

    public static ProducerConfig of(String group) {
        return new ProducerConfig(group, Duration.ofSeconds(3), 2, 4 * 1024, 5, 4 * 1024 * 1024, false, true,
                DEFAULT_CREATE_TOPIC_KEY, 4);
    }

    public ProducerConfig withSendTimeout(Duration sendTimeout) {
        return new ProducerConfig(group, sendTimeout, retries, compressThreshold, compressLevel, maxMessageSize,
                retryWhenNotStored, faultAvoidance, createTopicKey, defaultTopicQueueNums);
    }

    public ProducerConfig withRetries(int retries) {
        return new ProducerConfig(group, sendTimeout, retries, compressThreshold, compressLevel, maxMessageSize,
                retryWhenNotStored, faultAvoidance, createTopicKey, defaultTopicQueueNums);
    }

    public ProducerConfig withCompressThreshold(int compressThreshold) {
        return new ProducerConfig(group, sendTimeout, retries, compressThreshold, compressLevel, maxMessageSize,
                retryWhenNotStored, faultAvoidance, createTopicKey, defaultTopicQueueNums);
    }

    public ProducerConfig withMaxMessageSize(int maxMessageSize) {
        return new ProducerConfig(group, sendTimeout, retries, compressThreshold, compressLevel, maxMessageSize,
                retryWhenNotStored, faultAvoidance, createTopicKey, defaultTopicQueueNums);
    }

    public ProducerConfig withRetryWhenNotStored(boolean retryWhenNotStored) {
        return new ProducerConfig(group, sendTimeout, retries, compressThreshold, compressLevel, maxMessageSize,
                retryWhenNotStored, faultAvoidance, createTopicKey, defaultTopicQueueNums);
    }

    public ProducerConfig withFaultAvoidance(boolean faultAvoidance) {
        return new ProducerConfig(group, sendTimeout, retries, compressThreshold, compressLevel, maxMessageSize,
                retryWhenNotStored, faultAvoidance, createTopicKey, defaultTopicQueueNums);
    }

    public ProducerConfig withDefaultTopicQueueNums(int defaultTopicQueueNums) {
        return new ProducerConfig(group, sendTimeout, retries, compressThreshold, compressLevel, maxMessageSize,
                retryWhenNotStored, faultAvoidance, createTopicKey, defaultTopicQueueNums);
    }
}
