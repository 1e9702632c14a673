package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.Map;

/** A producer group a client belongs to, as its heartbeat lists it. */
public record ProducerData(String groupName) implements JsonWritable {

    public static ProducerData fromJson(JsonObject json) {
        return new ProducerData(json.string("groupName"));
    }

    @Override
    public Object toJson() {
        return groupName == null ? Map.of() : Map.of("groupName", groupName);
    }
}
