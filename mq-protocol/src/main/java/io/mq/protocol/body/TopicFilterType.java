package io.mq.protocol.body;

/** How a topic's messages carry tags; written by name in topic configs. */
public enum TopicFilterType {
    SINGLE_TAG,
    MULTI_TAG;

    /** By name; unknown or missing names read as {@link #SINGLE_TAG}, RocketMQ's default. */
    public static TopicFilterType ofName(String name) {
        return "MULTI_TAG".equals(name) ? MULTI_TAG : SINGLE_TAG;
    }
}
