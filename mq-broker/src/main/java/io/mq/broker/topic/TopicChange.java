package io.mq.broker.topic;

import io.mq.protocol.body.DataVersion;

/** One change to the topic table and the table's version after it. */
public sealed interface TopicChange {

    DataVersion version();

    record Created(TopicDefinition topic, DataVersion version) implements TopicChange {
    }

    record Updated(TopicDefinition before, TopicDefinition after, DataVersion version) implements TopicChange {
    }

    record Deleted(TopicDefinition topic, DataVersion version) implements TopicChange {
    }
}
