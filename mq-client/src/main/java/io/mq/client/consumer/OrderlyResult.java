package io.mq.client.consumer;

/** What an {@link OrderlyListener} says of a batch. */
public enum OrderlyResult {
    /** Done: the queue moves on to the next messages. */
    SUCCESS,
    /** Failed: keep the queue where it is and consume the same batch again after a pause. */
    SUSPEND_CURRENT_QUEUE_A_MOMENT
}
