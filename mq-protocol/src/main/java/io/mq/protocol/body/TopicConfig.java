package io.mq.protocol.body;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A topic as a broker holds it: queue counts, permission, filter type, system flags, ordering and the 5.x
 * attributes (e.g. {@code +message.type=NORMAL}).
 */
public record TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm,
                          TopicFilterType topicFilterType, int topicSysFlag, boolean order,
                          Map<String, String> attributes) implements JsonWritable {

    public static final int DEFAULT_QUEUE_NUMS = 16;

    public TopicConfig {
        if (topicName == null || topicName.isEmpty()) {
            throw new IllegalArgumentException("topicName is required");
        }
        topicFilterType = topicFilterType == null ? TopicFilterType.SINGLE_TAG : topicFilterType;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A read-write topic with the given queue counts and no flags. */
    public static TopicConfig of(String topicName, int readQueueNums, int writeQueueNums) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, PermName.READ_WRITE,
                TopicFilterType.SINGLE_TAG, 0, false, Map.of());
    }

    public TopicConfig withPerm(int newPerm) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, newPerm, topicFilterType, topicSysFlag,
                order, attributes);
    }

    @Override
    public Object toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("attributes", new TreeMap<>(attributes));
        json.put("order", order);
        json.put("perm", perm);
        json.put("readQueueNums", readQueueNums);
        json.put("topicFilterType", topicFilterType);
        json.put("topicName", topicName);
        json.put("topicSysFlag", topicSysFlag);
        json.put("writeQueueNums", writeQueueNums);
        return json;
    }

    public static TopicConfig fromJson(JsonObject json) {
        var attributes = new LinkedHashMap<String, String>();
        var attrs = json.object("attributes");
        if (attrs != null) {
            attrs.asMap().forEach((k, v) -> attributes.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        attributes.values().removeIf(java.util.Objects::isNull);
        return new TopicConfig(json.string("topicName"), json.intValue("readQueueNums", DEFAULT_QUEUE_NUMS),
                json.intValue("writeQueueNums", DEFAULT_QUEUE_NUMS), json.intValue("perm", PermName.READ_WRITE),
                TopicFilterType.ofName(json.string("topicFilterType")), json.intValue("topicSysFlag", 0),
                json.bool("order", false), attributes);
    }

    /**
     * The space-separated form a compressed REGISTER_BROKER body carries per topic:
     * {@code name read write perm filterType [attributesJson]} (flags and order are not in it).
     */
    public String encodeCompact() {
        return topicName + ' ' + readQueueNums + ' ' + writeQueueNums + ' ' + perm + ' ' + topicFilterType.name()
                + ' ' + Json.write(new TreeMap<>(attributes));
    }

    /** Reads {@link #encodeCompact()}; attributes that do not parse (they may contain spaces) are dropped, as RocketMQ does. */
    public static TopicConfig decodeCompact(String text) {
        var parts = text.split(" ");
        if (parts.length < 5) {
            throw new IllegalArgumentException("topic config needs 5 space-separated fields: '" + text + "'");
        }
        var attributes = new LinkedHashMap<String, String>();
        if (parts.length >= 6) {
            try {
                Json.parseObject(parts[5]).asMap().forEach((k, v) -> {
                    if (v != null) {
                        attributes.put(String.valueOf(k), String.valueOf(v));
                    }
                });
            } catch (RuntimeException ignored) {
                // same leniency as RocketMQ: a value with a space splits the JSON; the topic still counts
            }
        }
        return new TopicConfig(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3]), TopicFilterType.ofName(parts[4]), 0, false, attributes);
    }
}
