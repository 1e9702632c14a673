package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.Map;

/** GET_TOPIC_STATS_INFO (202) response body: the offsets of each queue of a topic on this broker. */
public record TopicStatsTable(Map<MessageQueue, TopicOffset> offsetTable) implements JsonBody {

    public TopicStatsTable {
        offsetTable = BodyReader.copyOfMap(offsetTable);
    }

    public static TopicStatsTable decode(byte[] body) {
        return BodyReader.decode(body, "topic stats", TopicStatsTable::fromJson);
    }

    public static TopicStatsTable fromJson(JsonObject json) {
        return new TopicStatsTable(BodyReader.queueMap(json, "offsetTable", TopicOffset::fromJson));
    }

    @Override
    public Object toJson() {
        return Map.of("offsetTable", offsetTable);
    }
}
