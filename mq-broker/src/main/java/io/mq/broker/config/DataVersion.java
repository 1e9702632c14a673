package io.mq.broker.config;

import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.LinkedHashMap;

/**
 * The version of a metadata table as RocketMQ tracks it: when it last changed and how many changes so far.
 * The broker sends it with its registration so the name server can skip unchanged topic tables.
 */
public record DataVersion(long timestamp, long counter) implements JsonWritable {

    public static DataVersion initial(long nowMillis) {
        return new DataVersion(nowMillis, 0);
    }

    /** The version after one more change. */
    public DataVersion next(long nowMillis) {
        return new DataVersion(nowMillis, counter + 1);
    }

    /** Reads {@code {"timestamp":..,"counter":..}}; missing fields read as 0. */
    public static DataVersion fromJson(JsonObject json) {
        return new DataVersion(json.longValue("timestamp", 0), json.longValue("counter", 0));
    }

    @Override
    public Object toJson() {
        var map = new LinkedHashMap<String, Object>();
        map.put("counter", counter);
        map.put("timestamp", timestamp);
        return map;
    }
}
