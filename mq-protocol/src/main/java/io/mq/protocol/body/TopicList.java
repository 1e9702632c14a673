package io.mq.protocol.body;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;

/** A set of topic names; {@code brokerAddr} is set only by GET_SYSTEM_TOPIC_LIST_FROM_NS (a broker to ask next). */
public record TopicList(Set<String> topicList, String brokerAddr) implements JsonWritable {

    public TopicList {
        topicList = topicList == null ? Set.of() : Set.copyOf(topicList);
    }

    public static TopicList of(Set<String> topics) {
        return new TopicList(topics, null);
    }

    @Override
    public Object toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("brokerAddr", brokerAddr);
        json.put("topicList", new TreeSet<>(topicList));
        return json;
    }

    public byte[] encode() {
        return Json.writeBytes(this);
    }

    public static TopicList fromJson(JsonObject json) {
        var topics = new TreeSet<String>();
        json.array("topicList").forEach(t -> topics.add(String.valueOf(t)));
        return new TopicList(topics, json.string("brokerAddr"));
    }

    public static TopicList decode(byte[] body) {
        return fromJson(Json.parseObject(body));
    }
}
