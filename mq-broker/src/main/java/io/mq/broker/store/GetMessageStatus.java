package io.mq.broker.store;

/** The outcome of reading a consume queue (RocketMQ's {@code GetMessageStatus}). */
public enum GetMessageStatus {
    FOUND,
    /** Entries were there but none passed the filter; move on to {@code nextBeginOffset}. */
    NO_MATCHED_MESSAGE,
    /** The commit log no longer holds the messages (deleted by retention). */
    MESSAGE_WAS_REMOVING,
    OFFSET_FOUND_NULL,
    /** The offset is beyond the end by more than one. */
    OFFSET_OVERFLOW_BADLY,
    /** The offset is the end: nothing new yet (a pull request may be held). */
    OFFSET_OVERFLOW_ONE,
    /** The offset is below the first entry still kept. */
    OFFSET_TOO_SMALL,
    NO_MATCHED_LOGIC_QUEUE,
    /** The queue has never had a message. */
    NO_MESSAGE_IN_QUEUE
}
