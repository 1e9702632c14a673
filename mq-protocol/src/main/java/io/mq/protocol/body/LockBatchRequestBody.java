package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * LOCK_BATCH_MQ (41) body, and UNLOCK_BATCH_MQ (42) through {@link UnlockBatchRequestBody}: an orderly
 * consumer asks to own these queues.
 *
 * @param onlyThisBroker 5.x: do not forward the lock to the other brokers of the group; false from 4.x
 */
public record LockBatchRequestBody(String consumerGroup, String clientId, Set<MessageQueue> mqSet,
                                   boolean onlyThisBroker) implements JsonBody {

    public LockBatchRequestBody {
        mqSet = BodyReader.copyOfSet(mqSet);
    }

    public static LockBatchRequestBody decode(byte[] body) {
        return BodyReader.decode(body, "lock batch request", LockBatchRequestBody::fromJson);
    }

    public static LockBatchRequestBody fromJson(JsonObject json) {
        return new LockBatchRequestBody(json.string("consumerGroup"), json.string("clientId"),
                BodyReader.objectSet(json, "mqSet", MessageQueue::fromJson), json.bool("onlyThisBroker", false));
    }

    @Override
    public Object toJson() {
        return queueRequestJson(clientId, consumerGroup, mqSet, onlyThisBroker);
    }

    static Object queueRequestJson(String clientId, String consumerGroup, Set<MessageQueue> mqSet,
                                   boolean onlyThisBroker) {
        var out = new LinkedHashMap<String, Object>();
        out.put("clientId", clientId);
        out.put("consumerGroup", consumerGroup);
        out.put("mqSet", mqSet);
        out.put("onlyThisBroker", onlyThisBroker);
        return out;
    }
}
