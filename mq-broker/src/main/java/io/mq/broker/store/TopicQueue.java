package io.mq.broker.store;

import java.util.Objects;

/** One queue of one topic: the unit that has a consume queue and a queue-offset counter. */
public record TopicQueue(String topic, int queueId) {
    public TopicQueue {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public String toString() {
        return topic + "-" + queueId;
    }
}
