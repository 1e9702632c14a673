package io.mq.protocol.body;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** All topic configs of a broker plus their version: what a broker registers and GET_ALL_TOPIC_CONFIG answers. */
public record TopicConfigSerializeWrapper(Map<String, TopicConfig> topicConfigTable, DataVersion dataVersion)
        implements JsonWritable {

    public TopicConfigSerializeWrapper {
        topicConfigTable = topicConfigTable == null ? Map.of() : Map.copyOf(topicConfigTable);
        dataVersion = dataVersion == null ? new DataVersion(0, 0, 0) : dataVersion;
    }

    public static TopicConfigSerializeWrapper of(Collection<TopicConfig> topics, DataVersion version) {
        var table = new LinkedHashMap<String, TopicConfig>();
        topics.forEach(t -> table.put(t.topicName(), t));
        return new TopicConfigSerializeWrapper(table, version);
    }

    @Override
    public Object toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("dataVersion", dataVersion);
        json.put("topicConfigTable", new TreeMap<>(topicConfigTable));
        return json;
    }

    public byte[] encode() {
        return Json.writeBytes(this);
    }

    public static TopicConfigSerializeWrapper fromJson(JsonObject json) {
        var table = new LinkedHashMap<String, TopicConfig>();
        var topics = json.object("topicConfigTable");
        if (topics != null) {
            topics.asMap().forEach((name, config) -> {
                var topic = TopicConfig.fromJson(JsonObject.asObject(config, "topicConfigTable." + name));
                table.put(topic.topicName(), topic);
            });
        }
        var version = json.object("dataVersion");
        return new TopicConfigSerializeWrapper(table, version == null ? null : DataVersion.fromJson(version));
    }

    public static TopicConfigSerializeWrapper decode(byte[] body) {
        return fromJson(Json.parseObject(body));
    }
}
