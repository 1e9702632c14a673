package io.mq.broker.topic;

/** How a topic's messages carry tags (RocketMQ keeps the field; only SINGLE_TAG is used in practice). */
public enum TopicFilterType {
    SINGLE_TAG,
    MULTI_TAG
}
