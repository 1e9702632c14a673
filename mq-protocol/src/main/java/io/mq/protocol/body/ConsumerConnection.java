package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * GET_CONSUMER_CONNECTION_LIST (203) response body: a group's live connections, its subscriptions by topic,
 * and how it consumes.
 */
public record ConsumerConnection(
        Set<Connection> connectionSet,
        Map<String, SubscriptionData> subscriptionTable,
        ConsumeType consumeType,
        MessageModel messageModel,
        ConsumeFromWhere consumeFromWhere) implements JsonBody {

    public ConsumerConnection {
        connectionSet = BodyReader.copyOfSet(connectionSet);
        subscriptionTable = BodyReader.copyOfMap(subscriptionTable);
    }

    public static ConsumerConnection decode(byte[] body) {
        return BodyReader.decode(body, "consumer connection", ConsumerConnection::fromJson);
    }

    public static ConsumerConnection fromJson(JsonObject json) {
        return new ConsumerConnection(
                BodyReader.objectSet(json, "connectionSet", Connection::fromJson),
                BodyReader.stringMap(json, "subscriptionTable",
                        v -> SubscriptionData.fromJson(JsonObject.asObject(v, "subscriptionTable"))),
                BodyReader.enumValue(json, "consumeType", ConsumeType.class),
                BodyReader.enumValue(json, "messageModel", MessageModel.class),
                BodyReader.enumValue(json, "consumeFromWhere", ConsumeFromWhere.class));
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("connectionSet", connectionSet);
        out.put("consumeFromWhere", consumeFromWhere);
        out.put("consumeType", consumeType);
        out.put("messageModel", messageModel);
        out.put("subscriptionTable", subscriptionTable);
        return out;
    }
}
