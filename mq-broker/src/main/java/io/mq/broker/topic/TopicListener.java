package io.mq.broker.topic;

/** Told after the topic table changed (and was persisted); the broker re-registers with the name server. */
@FunctionalInterface
public interface TopicListener {
    void onChange(TopicChange change);
}
