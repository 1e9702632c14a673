package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.LinkedHashMap;

/**
 * One queue's line of {@link ConsumeStats}: the queue's max offset, the group's committed offset, and the
 * store time of the last consumed message.
 *
 * @param pullOffset 5.x: the group's pull position; 0 from 4.x
 */
public record OffsetWrapper(long brokerOffset, long consumerOffset, long pullOffset, long lastTimestamp)
        implements JsonWritable {

    static OffsetWrapper fromJson(Object value) {
        var json = JsonObject.asObject(value, "offset wrapper");
        return new OffsetWrapper(json.longValue("brokerOffset", 0), json.longValue("consumerOffset", 0),
                json.longValue("pullOffset", 0), json.longValue("lastTimestamp", 0));
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("brokerOffset", brokerOffset);
        out.put("consumerOffset", consumerOffset);
        out.put("lastTimestamp", lastTimestamp);
        out.put("pullOffset", pullOffset);
        return out;
    }
}
