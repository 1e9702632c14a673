package io.mq.broker.store;

/** When the commit log reaches the disk: on an interval, or before each send is acknowledged (group commit). */
public enum FlushDiskType {
    ASYNC_FLUSH,
    SYNC_FLUSH
}
