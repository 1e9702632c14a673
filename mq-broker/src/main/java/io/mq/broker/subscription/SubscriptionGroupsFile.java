package io.mq.broker.subscription;

import io.mq.protocol.body.DataVersion;
import io.mq.broker.config.JsonConfigFile;
import io.mq.protocol.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** config/subscriptionGroup.json in RocketMQ's SubscriptionGroupManager form. */
final class SubscriptionGroupsFile {

    record Content(Map<String, SubscriptionGroupDefinition> groups, DataVersion version) {
    }

    private final JsonConfigFile file;

    SubscriptionGroupsFile(Path storeRoot) {
        this.file = new JsonConfigFile(storeRoot.resolve("config").resolve("subscriptionGroup.json"));
    }

    Optional<Content> load() {
        return file.load(SubscriptionGroupsFile::decode);
    }

    void store(Map<String, SubscriptionGroupDefinition> groups, DataVersion version) {
        var table = new LinkedHashMap<String, Object>();
        new TreeMap<>(groups).forEach((name, group) -> table.put(name, encode(group)));
        var root = new LinkedHashMap<String, Object>();
        root.put("dataVersion", version);
        root.put("subscriptionGroupTable", table);
        file.store(root);
    }

    private static Map<String, Object> encode(SubscriptionGroupDefinition g) {
        var map = new LinkedHashMap<String, Object>();
        map.put("brokerId", g.brokerId());
        map.put("consumeBroadcastEnable", g.consumeBroadcastEnable());
        map.put("consumeEnable", g.consumeEnable());
        map.put("consumeFromMinEnable", g.consumeFromMinEnable());
        map.put("groupName", g.groupName());
        map.put("notifyConsumerIdsChangedEnable", g.notifyConsumerIdsChangedEnable());
        map.put("retryMaxTimes", g.retryMaxTimes());
        map.put("retryQueueNums", g.retryQueueNums());
        map.put("whichBrokerWhenConsumeSlowly", g.whichBrokerWhenConsumeSlowly());
        return map;
    }

    private static Content decode(JsonObject root) {
        var groups = new LinkedHashMap<String, SubscriptionGroupDefinition>();
        var table = root.object("subscriptionGroupTable");
        if (table != null) {
            for (var entry : table.asMap().entrySet()) {
                var key = String.valueOf(entry.getKey());
                var group = decodeGroup(key, JsonObject.asObject(entry.getValue(), "group " + key));
                groups.put(group.groupName(), group);
            }
        }
        var version = root.object("dataVersion");
        return new Content(groups, version == null ? DataVersion.initial(0) : DataVersion.fromJson(version));
    }

    private static SubscriptionGroupDefinition decodeGroup(String key, JsonObject json) {
        var d = SubscriptionGroupDefinition.defaults(json.string("groupName", key));
        return new SubscriptionGroupDefinition(d.groupName(),
                json.bool("consumeEnable", d.consumeEnable()),
                json.bool("consumeFromMinEnable", d.consumeFromMinEnable()),
                json.bool("consumeBroadcastEnable", d.consumeBroadcastEnable()),
                json.intValue("retryQueueNums", d.retryQueueNums()),
                json.intValue("retryMaxTimes", d.retryMaxTimes()),
                json.longValue("brokerId", d.brokerId()),
                json.longValue("whichBrokerWhenConsumeSlowly", d.whichBrokerWhenConsumeSlowly()),
                json.bool("notifyConsumerIdsChangedEnable", d.notifyConsumerIdsChangedEnable()));
    }
}
