package io.mq.broker.registration;

import io.mq.broker.topic.TopicDefinition;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.body.DataVersion;
import io.mq.protocol.body.TopicConfig;
import io.mq.protocol.body.TopicConfigSerializeWrapper;
import io.mq.protocol.body.TopicFilterType;
import java.util.Map;

/**
 * The broker's topic table in the wire form a REGISTER_BROKER body carries: every {@link TopicDefinition} as a
 * {@link TopicConfig}, stamped with the registry's version so the name server can tell whether it changed.
 */
public final class TopicConfigSnapshot {

    private TopicConfigSnapshot() {
    }

    /** The registry as it is now. */
    public static TopicConfigSerializeWrapper of(TopicRegistry topics) {
        // Read the version first: a change racing with the copy then shows up as a newer version next time.
        var version = topics.dataVersion();
        var configs = topics.all().values().stream().map(TopicConfigSnapshot::toConfig).toList();
        return TopicConfigSerializeWrapper.of(configs, version);
    }

    /** One topic as RocketMQ's TopicConfig; we keep no 5.x attributes, so there are none to send. */
    public static TopicConfig toConfig(TopicDefinition topic) {
        return new TopicConfig(topic.name(), topic.readQueueNums(), topic.writeQueueNums(), topic.perm(),
                TopicFilterType.valueOf(topic.topicFilterType().name()), topic.topicSysFlag(), topic.order(),
                Map.of());
    }
}
