package io.mq.broker.topic;

import java.util.Objects;

/**
 * A topic as this broker hosts it (RocketMQ's TopicConfig): how many queues producers write to and consumers
 * read from, its permission bits ({@link Perm}), and flags. Construction checks the name and the ranges; the
 * registry adds the configurable queue-count cap.
 */
public record TopicDefinition(String name, int readQueueNums, int writeQueueNums, int perm,
                              TopicFilterType topicFilterType, int topicSysFlag, boolean order) {

    /** RocketMQ's TopicConfig defaults: 16 queues, read and write. */
    public static final int DEFAULT_QUEUE_NUMS = 16;

    public TopicDefinition {
        TopicNames.validateTopic(name);
        Objects.requireNonNull(topicFilterType, "topicFilterType");
        if (readQueueNums < 1) {
            throw new InvalidDefinitionException("Topic '" + name + "': readQueueNums must be at least 1, was "
                    + readQueueNums);
        }
        if (writeQueueNums < 1) {
            throw new InvalidDefinitionException("Topic '" + name + "': writeQueueNums must be at least 1, was "
                    + writeQueueNums);
        }
        if ((perm & ~Perm.ALL) != 0 || perm < 0) {
            throw new InvalidDefinitionException("Topic '" + name + "': perm " + perm
                    + " has bits other than read (4), write (2), inherit (1) and priority (8)");
        }
    }

    /** A plain topic: the same number of read and write queues, single-tag, not ordered. */
    public static TopicDefinition of(String name, int queueNums, int perm) {
        return new TopicDefinition(name, queueNums, queueNums, perm, TopicFilterType.SINGLE_TAG, 0, false);
    }

    /** A topic with RocketMQ's defaults: 16 queues, read and write. */
    public static TopicDefinition of(String name) {
        return of(name, DEFAULT_QUEUE_NUMS, Perm.READ_WRITE);
    }

    public boolean isReadable() {
        return Perm.isReadable(perm);
    }

    public boolean isWritable() {
        return Perm.isWritable(perm);
    }

    public TopicDefinition withQueueNums(int read, int write) {
        return new TopicDefinition(name, read, write, perm, topicFilterType, topicSysFlag, order);
    }

    public TopicDefinition withPerm(int newPerm) {
        return new TopicDefinition(name, readQueueNums, writeQueueNums, newPerm, topicFilterType, topicSysFlag, order);
    }

    public TopicDefinition withOrder(boolean newOrder) {
        return new TopicDefinition(name, readQueueNums, writeQueueNums, perm, topicFilterType, topicSysFlag, newOrder);
    }
}
