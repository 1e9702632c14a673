package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Set;

/** A consumer group a client belongs to, with how it consumes and what it subscribes, as its heartbeat says. */
public record ConsumerData(
        String groupName,
        ConsumeType consumeType,
        MessageModel messageModel,
        ConsumeFromWhere consumeFromWhere,
        Set<SubscriptionData> subscriptionDataSet,
        boolean unitMode) implements JsonWritable {

    public ConsumerData {
        subscriptionDataSet = BodyReader.copyOfSet(subscriptionDataSet);
    }

    public static ConsumerData fromJson(JsonObject json) {
        return new ConsumerData(
                json.string("groupName"),
                BodyReader.enumValue(json, "consumeType", ConsumeType.class),
                BodyReader.enumValue(json, "messageModel", MessageModel.class),
                BodyReader.enumValue(json, "consumeFromWhere", ConsumeFromWhere.class),
                BodyReader.objectSet(json, "subscriptionDataSet", SubscriptionData::fromJson),
                json.bool("unitMode", false));
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("consumeFromWhere", consumeFromWhere);
        out.put("consumeType", consumeType);
        out.put("groupName", groupName);
        out.put("messageModel", messageModel);
        out.put("subscriptionDataSet", subscriptionDataSet);
        out.put("unitMode", unitMode);
        return out;
    }
}
