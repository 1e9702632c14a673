package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.LinkedHashMap;

/** One queue's line of {@link TopicStatsTable}: its offset bounds and the store time of its last message. */
public record TopicOffset(long minOffset, long maxOffset, long lastUpdateTimestamp) implements JsonWritable {

    static TopicOffset fromJson(Object value) {
        var json = JsonObject.asObject(value, "topic offset");
        return new TopicOffset(json.longValue("minOffset", 0), json.longValue("maxOffset", 0),
                json.longValue("lastUpdateTimestamp", 0));
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("lastUpdateTimestamp", lastUpdateTimestamp);
        out.put("maxOffset", maxOffset);
        out.put("minOffset", minOffset);
        return out;
    }
}
