package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.Map;

/**
 * The body of INVOKE_BROKER_TO_RESET_OFFSET's response and of RESET_CONSUMER_CLIENT_OFFSET (220, broker to
 * consumer): the new offset of each queue.
 */
public record ResetOffsetBody(Map<MessageQueue, Long> offsetTable) implements JsonBody {

    public ResetOffsetBody {
        offsetTable = BodyReader.copyOfMap(offsetTable);
    }

    public static ResetOffsetBody decode(byte[] body) {
        return BodyReader.decode(body, "reset offset", ResetOffsetBody::fromJson);
    }

    public static ResetOffsetBody fromJson(JsonObject json) {
        return new ResetOffsetBody(BodyReader.queueMap(json, "offsetTable", v -> JsonObject.toLong("offset", v)));
    }

    @Override
    public Object toJson() {
        return Map.of("offsetTable", offsetTable);
    }
}
