package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.List;
import java.util.Map;

/** GET_CONSUMER_LIST_BY_GROUP (38) response body: the client ids of the group's live consumers. */
public record ConsumerListByGroupResponseBody(List<String> consumerIdList) implements JsonBody {

    public ConsumerListByGroupResponseBody {
        consumerIdList = BodyReader.copyOfList(consumerIdList);
    }

    public static ConsumerListByGroupResponseBody decode(byte[] body) {
        return BodyReader.decode(body, "consumer list", ConsumerListByGroupResponseBody::fromJson);
    }

    public static ConsumerListByGroupResponseBody fromJson(JsonObject json) {
        return new ConsumerListByGroupResponseBody(BodyReader.stringList(json, "consumerIdList"));
    }

    @Override
    public Object toJson() {
        return Map.of("consumerIdList", consumerIdList);
    }
}
