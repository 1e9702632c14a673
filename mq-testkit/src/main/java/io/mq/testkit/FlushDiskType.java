package io.mq.testkit;

/** The broker's durability setting, spelled as Apache RocketMQ's {@code flushDiskType} expects it. */
public enum FlushDiskType {
    /** Acknowledge once the message is in the page cache; a flush thread writes it out on an interval. */
    ASYNC_FLUSH,
    /** Acknowledge only after an fsync covers the message. */
    SYNC_FLUSH
}
