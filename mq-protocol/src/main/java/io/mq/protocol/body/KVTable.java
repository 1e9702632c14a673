package io.mq.protocol.body;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Key/value pairs of one KV-config namespace (GET_KVLIST_BY_NAMESPACE, and the REGISTER_BROKER answer). */
public record KVTable(Map<String, String> table) implements JsonWritable {

    public KVTable {
        table = table == null ? Map.of() : Map.copyOf(table);
    }

    @Override
    public Object toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("table", new TreeMap<>(table));
        return json;
    }

    public byte[] encode() {
        return Json.writeBytes(this);
    }

    public static KVTable fromJson(JsonObject json) {
        var table = new LinkedHashMap<String, String>();
        var raw = json.object("table");
        if (raw != null) {
            raw.asMap().forEach((k, v) -> {
                if (v != null) {
                    table.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return new KVTable(table);
    }

    public static KVTable decode(byte[] body) {
        return fromJson(Json.parseObject(body));
    }
}
