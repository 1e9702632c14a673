package io.mq.client;

/** Outcome of a pull: messages, none yet (after the long-poll hold), all filtered out, or an offset out of range. */
public enum PullStatus {
    FOUND,
    NO_NEW_MSG,
    NO_MATCHED_MSG,
    OFFSET_ILLEGAL
}
