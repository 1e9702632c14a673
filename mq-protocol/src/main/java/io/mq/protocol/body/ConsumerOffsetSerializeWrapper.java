package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker's persisted consumer offsets ({@code consumerOffset.json}) and the GET_ALL_CONSUMER_OFFSET (43)
 * body: {@code "topic@group"} to queue id to offset. Queue ids are written as bare numbers in key position,
 * as fastjson writes them. {@code dataVersion} (5.x) is carried as raw JSON, null when absent.
 */
public record ConsumerOffsetSerializeWrapper(
        Map<String, Map<Integer, Long>> offsetTable, Map<String, Object> dataVersion) implements JsonBody {

    public static final String KEY_SEPARATOR = "@";

    public ConsumerOffsetSerializeWrapper {
        var copy = new LinkedHashMap<String, Map<Integer, Long>>();
        if (offsetTable != null) {
            offsetTable.forEach((key, queues) -> copy.put(key, BodyReader.copyOfMap(queues)));
        }
        offsetTable = java.util.Collections.unmodifiableMap(copy);
    }

    /** The key of a topic and group in {@link #offsetTable()}. */
    public static String key(String topic, String group) {
        return topic + KEY_SEPARATOR + group;
    }

    public static ConsumerOffsetSerializeWrapper decode(byte[] body) {
        return BodyReader.decode(body, "consumer offsets", ConsumerOffsetSerializeWrapper::fromJson);
    }

    public static ConsumerOffsetSerializeWrapper fromJson(JsonObject json) {
        var table = BodyReader.stringMap(json, "offsetTable", ConsumerOffsetSerializeWrapper::queueOffsets);
        return new ConsumerOffsetSerializeWrapper(table, BodyReader.rawObject(json, "dataVersion"));
    }

    private static Map<Integer, Long> queueOffsets(Object value) {
        var out = new LinkedHashMap<Integer, Long>();
        JsonObject.asObject(value, "offsetTable").asMap().forEach((queueId, offset) -> out.put(
                Math.toIntExact(JsonObject.toLong("queue id", queueId)), JsonObject.toLong("offset", offset)));
        return out;
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("dataVersion", dataVersion);
        out.put("offsetTable", offsetTable);
        return out;
    }
}
