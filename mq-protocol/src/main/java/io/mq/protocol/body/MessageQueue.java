package io.mq.protocol.body;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonException;
import io.mq.protocol.json.JsonObject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One queue of a topic on one broker. Bodies use it as a set element and as a map key; in key position
 * fastjson writes it as an object ({@code {{"brokerName":"b","queueId":0,"topic":"t"}:5}}).
 */
public record MessageQueue(String topic, String brokerName, int queueId)
        implements JsonBody, Comparable<MessageQueue> {

    private static final Comparator<MessageQueue> ORDER = Comparator
            .comparing(MessageQueue::topic, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(MessageQueue::brokerName, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(MessageQueue::queueId);

    public static MessageQueue fromJson(JsonObject json) {
        return new MessageQueue(json.string("topic"), json.string("brokerName"), json.intValue("queueId", 0));
    }

    /** A queue in map-key position: an object, or (from writers that quote keys) a string holding one. */
    static MessageQueue fromJsonKey(Object key) {
        if (key instanceof Map<?, ?> map) {
            return fromJson(new JsonObject(map));
        }
        if (key instanceof String text && text.trim().startsWith("{")) {
            return fromJson(Json.parseObject(text));
        }
        throw new JsonException("expected a message queue as map key, got " + key);
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>(); // fastjson's order: by name
        out.put("brokerName", brokerName);
        out.put("queueId", queueId);
        out.put("topic", topic);
        return out;
    }

    @Override
    public int compareTo(MessageQueue other) {
        return ORDER.compare(this, other);
    }
}
