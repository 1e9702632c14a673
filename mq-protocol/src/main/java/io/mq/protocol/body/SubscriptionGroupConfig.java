package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consumer group's settings on a broker (UPDATE_AND_CREATE_SUBSCRIPTIONGROUP 200, and the persisted
 * subscription groups). The last six components are 5.x; a 4.x writer leaves them out and they take the 5.x
 * defaults. {@code groupRetryPolicy} and {@code subscriptionDataSet} are carried as raw JSON: we keep them
 * for the tools that set them, without acting on them.
 */
public record SubscriptionGroupConfig(
        String groupName,
        boolean consumeEnable,
        boolean consumeFromMinEnable,
        boolean consumeBroadcastEnable,
        int retryQueueNums,
        int retryMaxTimes,
        long brokerId,
        long whichBrokerWhenConsumeSlowly,
        boolean notifyConsumerIdsChangedEnable,
        boolean consumeMessageOrderly,
        int groupSysFlag,
        int consumeTimeoutMinute,
        Map<String, String> attributes,
        Map<String, Object> groupRetryPolicy,
        List<Object> subscriptionDataSet) implements JsonBody {

    public SubscriptionGroupConfig {
        attributes = BodyReader.copyOfMap(attributes);
    }

    /** A group with RocketMQ's defaults: enabled, 1 retry queue, 16 retries, master, notify on change. */
    public static SubscriptionGroupConfig withDefaults(String groupName) {
        return new SubscriptionGroupConfig(groupName, true, true, true, 1, 16, 0L, 1L, true, false, 0, 15,
                Map.of(), null, null);
    }

    public static SubscriptionGroupConfig decode(byte[] body) {
        return BodyReader.decode(body, "subscription group", SubscriptionGroupConfig::fromJson);
    }

    public static SubscriptionGroupConfig fromJson(JsonObject json) {
        return new SubscriptionGroupConfig(
                json.string("groupName"),
                json.bool("consumeEnable", true),
                json.bool("consumeFromMinEnable", true),
                json.bool("consumeBroadcastEnable", true),
                json.intValue("retryQueueNums", 1),
                json.intValue("retryMaxTimes", 16),
                json.longValue("brokerId", 0L),
                json.longValue("whichBrokerWhenConsumeSlowly", 1L),
                json.bool("notifyConsumerIdsChangedEnable", true),
                json.bool("consumeMessageOrderly", false),
                json.intValue("groupSysFlag", 0),
                json.intValue("consumeTimeoutMinute", 15),
                BodyReader.stringMap(json, "attributes", String::valueOf),
                BodyReader.rawObject(json, "groupRetryPolicy"),
                json.has("subscriptionDataSet") ? new ArrayList<>(json.array("subscriptionDataSet")) : null);
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("attributes", attributes);
        out.put("brokerId", brokerId);
        out.put("consumeBroadcastEnable", consumeBroadcastEnable);
        out.put("consumeEnable", consumeEnable);
        out.put("consumeFromMinEnable", consumeFromMinEnable);
        out.put("consumeMessageOrderly", consumeMessageOrderly);
        out.put("consumeTimeoutMinute", consumeTimeoutMinute);
        out.put("groupName", groupName);
        out.put("groupRetryPolicy", groupRetryPolicy);
        out.put("groupSysFlag", groupSysFlag);
        out.put("notifyConsumerIdsChangedEnable", notifyConsumerIdsChangedEnable);
        out.put("retryMaxTimes", retryMaxTimes);
        out.put("retryQueueNums", retryQueueNums);
        out.put("subscriptionDataSet", subscriptionDataSet);
        out.put("whichBrokerWhenConsumeSlowly", whichBrokerWhenConsumeSlowly);
        return out;
    }
}
