package io.mq.client.consumer;

/** What a {@link ConcurrentListener} says of a batch. */
public enum ConsumeResult {
    /** Done: the offset may move past the batch. */
    CONSUME_SUCCESS,
    /** Failed: hand the batch back to the broker for a later retry (its retry topic, then the dead-letter queue). */
    RECONSUME_LATER
}
