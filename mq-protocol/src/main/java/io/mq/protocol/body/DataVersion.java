package io.mq.protocol.body;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.LinkedHashMap;

/**
 * The version of a broker's topic configuration: the name server re-reads a broker's topics only when the
 * version it registers differs from the last one. {@code stateVersion} is the 5.x addition (0 from 4.x).
 */
public record DataVersion(long stateVersion, long timestamp, long counter) implements JsonWritable {

    /** A first version stamped now. */
    public static DataVersion initial() {
        return new DataVersion(0, System.currentTimeMillis(), 0);
    }

    /** A first version stamped at the given time (registries pass their clock). */
    public static DataVersion initial(long nowMillis) {
        return new DataVersion(0, nowMillis, 0);
    }

    /** The version after a change at the given time. */
    public DataVersion next(long nowMillis) {
        return new DataVersion(stateVersion, nowMillis, counter + 1);
    }

    /** The version after a change: counter plus one, stamped now. */
    public DataVersion next() {
        return new DataVersion(stateVersion, System.currentTimeMillis(), counter + 1);
    }

    @Override
    public Object toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("counter", counter);
        json.put("stateVersion", stateVersion);
        json.put("timestamp", timestamp);
        return json;
    }

    public byte[] encode() {
        return Json.writeBytes(this);
    }

    public static DataVersion fromJson(JsonObject json) {
        return new DataVersion(json.longValue("stateVersion", 0), json.longValue("timestamp", 0),
                json.longValue("counter", 0));
    }

    public static DataVersion decode(byte[] body) {
        return fromJson(Json.parseObject(body));
    }
}
