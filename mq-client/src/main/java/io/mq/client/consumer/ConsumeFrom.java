package io.mq.client.consumer;

import io.mq.protocol.body.ConsumeFromWhere;

/**
 * Where a consumer group starts on a queue for which the broker holds no offset yet. Once the group has committed an
 * offset, that offset wins. Unlike the official client, we ask the broker not to answer 0 for a group without an
 * offset (QUERY_CONSUMER_OFFSET with {@code setZeroIfNotFound=false}, honoured by our broker and RocketMQ 5.x), so
 * LAST_OFFSET and TIMESTAMP mean what they say even on a young queue; a 4.x broker ignores the field and answers 0
 * while the queue's messages are still in memory, as it does for the official client. The first rebalance runs before
 * {@code start()} returns, so a LAST_OFFSET consumer gets every message sent after that.
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
