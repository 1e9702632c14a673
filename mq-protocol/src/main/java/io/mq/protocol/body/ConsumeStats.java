package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET_CONSUME_STATS (208) response body: per queue, the broker's and the group's offsets; and the group's TPS. */
public record ConsumeStats(Map<MessageQueue, OffsetWrapper> offsetTable, double consumeTps) implements JsonBody {

    public ConsumeStats {
        offsetTable = BodyReader.copyOfMap(offsetTable);
    }

    public static ConsumeStats decode(byte[] body) {
        return BodyReader.decode(body, "consume stats", ConsumeStats::fromJson);
    }

    public static ConsumeStats fromJson(JsonObject json) {
        return new ConsumeStats(BodyReader.queueMap(json, "offsetTable", OffsetWrapper::fromJson),
                BodyReader.doubleValue(json, "consumeTps", 0));
    }

    /** The lag summed over all queues, as {@code mqadmin consumerProgress} shows it. */
    public long totalDiff() {
        return offsetTable.values().stream().mapToLong(o -> o.brokerOffset() - o.consumerOffset()).sum();
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("consumeTps", consumeTps);
        out.put("offsetTable", offsetTable);
        return out;
    }
}
