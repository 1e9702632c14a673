package io.mq.spring.listener;

/** How a listener's messages are handed to it. */
public enum ConsumeMode {
    /** On a thread pool, several at once, in no particular order. */
    CONCURRENTLY,
    /** One queue at a time in queue order (the queue is locked at the broker while this member holds it). */
    ORDERLY
}
