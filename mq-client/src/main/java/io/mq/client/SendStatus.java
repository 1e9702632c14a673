package io.mq.client;

/** How far a sent message got: stored, or stored but not yet as durable or replicated as the broker wants. */
public enum SendStatus {
    SEND_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE
}
