package io.mq.spring.listener;

/** Who in a consumer group gets a message. */
public enum MessageModel {
    /** One member of the group. */
    CLUSTERING,
    /** Every member of the group (offsets kept locally, no retries through the broker). */
    BROADCASTING
}
