package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.Map;
import java.util.Set;

/** QUERY_TOPIC_CONSUME_BY_WHO (300) response body: the consumer groups of a topic. */
public record GroupList(Set<String> groupList) implements JsonBody {

    public GroupList {
        groupList = BodyReader.copyOfSet(groupList);
    }

    public static GroupList decode(byte[] body) {
        return BodyReader.decode(body, "group list", GroupList::fromJson);
    }

    public static GroupList fromJson(JsonObject json) {
        return new GroupList(BodyReader.stringSet(json, "groupList"));
    }

    @Override
    public Object toJson() {
        return Map.of("groupList", groupList);
    }
}
