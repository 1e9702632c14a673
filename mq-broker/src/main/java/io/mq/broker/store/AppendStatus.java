package io.mq.broker.store;

/** How an append ended (RocketMQ's {@code PutMessageStatus}, the cases our store can produce). */
public enum AppendStatus {
    /** Stored, and on disk if the flush mode promises that. */
    OK,
    /** Stored, but the fsync did not finish within the sync-flush timeout. */
    FLUSH_DISK_TIMEOUT,
    /** Rejected: too big, topic too long or properties too long. Nothing stored. */
    MESSAGE_ILLEGAL,
    /** Rejected: the store is not running. Nothing stored. */
    SERVICE_NOT_AVAILABLE;

    /** Whether the message is in the log (possibly not yet on disk). */
    public boolean isStored() {
        return this == OK || this == FLUSH_DISK_TIMEOUT;
    }
}
