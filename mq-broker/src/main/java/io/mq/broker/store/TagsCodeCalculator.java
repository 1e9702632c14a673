package io.mq.broker.store;

import io.mq.protocol.message.StoredMessage;

/**
 * What the consume queue keeps as a message's tag code. By default the {@code String.hashCode()} of its TAGS
 * property (0 without tags), as RocketMQ does; the delay service replaces it for its schedule topic, where
 * RocketMQ keeps the delivery time instead.
 */
@FunctionalInterface
public interface TagsCodeCalculator {
    long tagsCode(StoredMessage message);

    static TagsCodeCalculator tagsHash() {
        return message -> tagsHash(message.tags());
    }

    static long tagsHash(String tags) {
        return tags == null || tags.isEmpty() ? 0 : tags.hashCode();
    }
}
