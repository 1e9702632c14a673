package io.mq.client.consumer;

import io.mq.protocol.body.ConsumeFromWhere;

/**
 * Where a consumer group starts on a queue for which the broker holds no offset yet. Once the group has committed an
 * offset, that offset wins. As with the official client, the broker may answer a new group's offset query with 0
 * while the queue starts at 0 and its messages are still "in memory"; {@link #LAST_OFFSET} then reads from the start.
 */
public enum ConsumeFrom {
    /** The queue's end (the retry topic's start). */
    LAST_OFFSET(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET),
    /** The queue's first message still stored. */
    FIRST_OFFSET(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET),
    /** The first message stored at or after {@link ConsumerConfig#consumeTimestamp()}. */
    TIMESTAMP(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP);

    private final ConsumeFromWhere wire;

    ConsumeFrom(ConsumeFromWhere wire) {
        this.wire = wire;
    }

    /** The value heartbeats carry. */
    public ConsumeFromWhere wire() {
        return wire;
    }
}
