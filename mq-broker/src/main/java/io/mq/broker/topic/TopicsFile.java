package io.mq.broker.topic;

import io.mq.protocol.body.DataVersion;
import io.mq.broker.config.JsonConfigFile;
import io.mq.protocol.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * config/topics.json in RocketMQ's TopicConfigSerializeWrapper form, so a RocketMQ store's file loads here
 * and ours in mqadmin-minded tools: {@code {"dataVersion":{..},"topicConfigTable":{"name":{..}}}}.
 */
final class TopicsFile {

    record Content(Map<String, TopicDefinition> topics, DataVersion version) {
    }

    private final JsonConfigFile file;

    TopicsFile(Path storeRoot) {
        this.file = new JsonConfigFile(storeRoot.resolve("config").resolve("topics.json"));
    }

    Optional<Content> load() {
        return file.load(TopicsFile::decode);
    }

    void store(Map<String, TopicDefinition> topics, DataVersion version) {
        var table = new LinkedHashMap<String, Object>();
        new TreeMap<>(topics).forEach((name, topic) -> table.put(name, encode(topic)));
        var root = new LinkedHashMap<String, Object>();
        root.put("dataVersion", version);
        root.put("topicConfigTable", table);
        file.store(root);
    }

    private static Map<String, Object> encode(TopicDefinition topic) {
        var map = new LinkedHashMap<String, Object>();
        map.put("order", topic.order());
        map.put("perm", topic.perm());
        map.put("readQueueNums", topic.readQueueNums());
        map.put("topicFilterType", topic.topicFilterType());
        map.put("topicName", topic.name());
        map.put("topicSysFlag", topic.topicSysFlag());
        map.put("writeQueueNums", topic.writeQueueNums());
        return map;
    }

    private static Content decode(JsonObject root) {
        var topics = new LinkedHashMap<String, TopicDefinition>();
        var table = root.object("topicConfigTable");
        if (table != null) {
            for (var entry : table.asMap().entrySet()) {
                var key = String.valueOf(entry.getKey());
                var topic = decodeTopic(key, JsonObject.asObject(entry.getValue(), "topic " + key));
                topics.put(topic.name(), topic);
            }
        }
        var version = root.object("dataVersion");
        return new Content(topics, version == null ? DataVersion.initial(0) : DataVersion.fromJson(version));
    }

    private static TopicDefinition decodeTopic(String key, JsonObject json) {
        var defaults = TopicDefinition.of(json.string("topicName", key));
        return new TopicDefinition(defaults.name(),
                json.intValue("readQueueNums", defaults.readQueueNums()),
                json.intValue("writeQueueNums", defaults.writeQueueNums()),
                json.intValue("perm", defaults.perm()),
                TopicFilterType.valueOf(json.string("topicFilterType", TopicFilterType.SINGLE_TAG.name())),
                json.intValue("topicSysFlag", 0),
                json.bool("order", false));
    }
}
