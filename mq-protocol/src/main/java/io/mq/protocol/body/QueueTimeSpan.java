package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.LinkedHashMap;

/**
 * One queue's line of {@link QueryConsumeTimeSpanBody}: store times (ms) of its oldest and newest message and
 * of the group's position, and the delay between the group's position and the newest message.
 */
public record QueueTimeSpan(MessageQueue messageQueue, long minTimeStamp, long maxTimeStamp,
                            long consumeTimeStamp, long delayTime) implements JsonWritable {

    public static QueueTimeSpan fromJson(JsonObject json) {
        var queue = json.object("messageQueue");
        return new QueueTimeSpan(queue == null ? null : MessageQueue.fromJson(queue),
                json.longValue("minTimeStamp", 0), json.longValue("maxTimeStamp", 0),
                json.longValue("consumeTimeStamp", 0), json.longValue("delayTime", 0));
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("consumeTimeStamp", consumeTimeStamp);
        out.put("delayTime", delayTime);
        out.put("maxTimeStamp", maxTimeStamp);
        out.put("messageQueue", messageQueue);
        out.put("minTimeStamp", minTimeStamp);
        return out;
    }
}
