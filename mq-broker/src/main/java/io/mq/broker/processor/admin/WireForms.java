package io.mq.broker.processor.admin;

import io.mq.broker.subscription.SubscriptionGroupDefinition;
import io.mq.broker.topic.TopicDefinition;
import io.mq.broker.topic.TopicFilterType;
import io.mq.protocol.body.DataVersion;
import io.mq.protocol.body.SubscriptionGroupConfig;
import io.mq.protocol.body.TopicConfig;
import io.mq.protocol.header.CreateTopicRequestHeader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Our metadata records in their wire form, and back. */
public final class WireForms {

    private WireForms() {
    }

    public static TopicConfig topicConfig(TopicDefinition topic) {
        return new TopicConfig(topic.name(), topic.readQueueNums(), topic.writeQueueNums(), topic.perm(),
                io.mq.protocol.body.TopicFilterType.valueOf(topic.topicFilterType().name()), topic.topicSysFlag(),
                topic.order(), Map.of());
    }

    /** The topic an UPDATE_AND_CREATE_TOPIC request describes; throws InvalidDefinitionException when it breaks a rule. */
    public static TopicDefinition topicDefinition(CreateTopicRequestHeader header) {
        var filterType = "MULTI_TAG".equals(header.topicFilterType()) ? TopicFilterType.MULTI_TAG
                : TopicFilterType.SINGLE_TAG;
        return new TopicDefinition(header.topic(), header.readQueueNums(), header.writeQueueNums(), header.perm(),
                filterType, header.topicSysFlag() == null ? 0 : header.topicSysFlag(), header.order());
    }

    public static DataVersion dataVersion(io.mq.broker.config.DataVersion version) {
        return new DataVersion(0, version.timestamp(), version.counter());
    }

    public static Map<String, Object> dataVersionJson(io.mq.broker.config.DataVersion version) {
        var json = new LinkedHashMap<String, Object>();
        json.put("counter", version.counter());
        json.put("stateVersion", 0L);
        json.put("timestamp", version.timestamp());
        return json;
    }

    public static SubscriptionGroupConfig subscriptionGroupConfig(SubscriptionGroupDefinition group) {
        var defaults = SubscriptionGroupConfig.withDefaults(group.groupName());
        return new SubscriptionGroupConfig(group.groupName(), group.consumeEnable(), group.consumeFromMinEnable(),
                group.consumeBroadcastEnable(), group.retryQueueNums(), group.retryMaxTimes(), group.brokerId(),
                group.whichBrokerWhenConsumeSlowly(), group.notifyConsumerIdsChangedEnable(),
                defaults.consumeMessageOrderly(), defaults.groupSysFlag(), defaults.consumeTimeoutMinute(), Map.of(),
                null, null);
    }

    /** The 5.x-only fields (orderly, sys flag, timeout, attributes, retry policy) are not kept. */
    public static SubscriptionGroupDefinition subscriptionGroupDefinition(SubscriptionGroupConfig config) {
        return new SubscriptionGroupDefinition(config.groupName(), config.consumeEnable(), config.consumeFromMinEnable(),
                config.consumeBroadcastEnable(), config.retryQueueNums(), config.retryMaxTimes(), config.brokerId(),
                config.whichBrokerWhenConsumeSlowly(), config.notifyConsumerIdsChangedEnable());
    }
}
