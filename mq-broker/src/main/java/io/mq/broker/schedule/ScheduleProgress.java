package io.mq.broker.schedule;

import io.mq.broker.config.JsonConfigFile;
import io.mq.broker.store.TopicQueue;
import io.mq.protocol.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The durable delivery progress, {@code <storeRoot>/config/scheduleProgress.json}: per schedule queue what was
 * delivered, and the commit-log mark (the log's end when the progress was taken; every re-put not yet counted as
 * delivered lies beyond it). Written atomically with a backup ({@link JsonConfigFile}).
 */
final class ScheduleProgress {

    /** What the file held: the mark and the delivered offsets of each queue. */
    record Snapshot(long commitLogMark, Map<TopicQueue, DeliveredOffsets> queues) {
        static Snapshot empty() {
            return new Snapshot(0, new LinkedHashMap<>());
        }
    }

    private final JsonConfigFile file;

    ScheduleProgress(Path storeRoot) {
        this.file = new JsonConfigFile(storeRoot.resolve("config").resolve("scheduleProgress.json"));
    }

    Path path() {
        return file.path();
    }

    Snapshot load() {
        return file.load(ScheduleProgress::decode).orElseGet(Snapshot::empty);
    }

    void store(long commitLogMark, Map<TopicQueue, DeliveredOffsets> queues) {
        var encoded = new LinkedHashMap<String, Object>();
        for (var e : queues.entrySet()) {
            var ranges = new ArrayList<Object>();
            for (long[] r : e.getValue().ranges()) {
                ranges.add(List.of(r[0], r[1]));
            }
            encoded.put(e.getKey().topic() + ":" + e.getKey().queueId(),
                    Map.of("low", e.getValue().low(), "delivered", ranges));
        }
        file.store(Map.of("commitLogMark", commitLogMark, "queues", encoded));
    }

    private static Snapshot decode(JsonObject json) {
        var queues = new LinkedHashMap<TopicQueue, DeliveredOffsets>();
        var table = json.has("queues") ? json.object("queues") : new JsonObject(Map.of());
        for (var e : table.asMap().entrySet()) {
            String key = String.valueOf(e.getKey());
            int colon = key.lastIndexOf(':');
            var queue = new TopicQueue(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1)));
            var value = JsonObject.asObject(e.getValue(), key);
            var ranges = new ArrayList<long[]>();
            for (Object r : value.array("delivered")) {
                var pair = (List<?>) r;
                ranges.add(new long[] {JsonObject.toLong(key, pair.get(0)), JsonObject.toLong(key, pair.get(1))});
            }
            queues.put(queue, new DeliveredOffsets(value.longValue("low", 0), ranges));
        }
        return new Snapshot(json.longValue("commitLogMark", 0), queues);
    }
}
