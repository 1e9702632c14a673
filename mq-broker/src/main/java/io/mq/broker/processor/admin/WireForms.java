package io.mq.broker.processor.admin;

import io.mq.broker.subscription.SubscriptionGroupDefinition;
import io.mq.broker.topic.TopicDefinition;
import io.mq.broker.topic.TopicFilterType;
import io.mq.protocol.body.DataVersion;
import io.mq.protocol.body.SubscriptionGroupConfig;
import io.mq.protocol.header.CreateTopicRequestHeader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Our metadata records in their wire form, and back (topics: see registration.TopicConfigSnapshot). */
public final class WireForms {

    private WireForms() {
    }

    /** The topic an UPDATE_AND_CREATE_TOPIC request describes; throws InvalidDefinitionException when it breaks a rule. */
    public static TopicDefinition topicDefinition(CreateTopicRequestHeader header) {
        var filterType = "MULTI_TAG".equals(header.topicFilterType()) ? TopicFilterType.MULTI_TAG
                : TopicFilterType.SINGLE_TAG;
        return new TopicDefinition(header.topic(), header.readQueueNums(), header.writeQueueNums(), header.perm(),
                filterType, header.topicSysFlag() == null ? 0 : header.topicSysFlag(), header.order());
    }

    /** The version as the raw JSON map SubscriptionGroupWrapper carries. */
    public static Map<String, Object> dataVersionJson(DataVersion version) {
        var json = new LinkedHashMap<String, Object>();
        json.put("counter", version.counter());
        json.put("stateVersion", version.stateVersion());
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
