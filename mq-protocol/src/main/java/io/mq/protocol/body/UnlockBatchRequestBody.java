package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.Set;

/** UNLOCK_BATCH_MQ (42) body: an orderly consumer gives up these queues. */
public record UnlockBatchRequestBody(String consumerGroup, String clientId, Set<MessageQueue> mqSet,
                                     boolean onlyThisBroker) implements JsonBody {

    public UnlockBatchRequestBody {
        mqSet = BodyReader.copyOfSet(mqSet);
    }

    public static UnlockBatchRequestBody decode(byte[] body) {
        return BodyReader.decode(body, "unlock batch request", UnlockBatchRequestBody::fromJson);
    }

    public static UnlockBatchRequestBody fromJson(JsonObject json) {
        return new UnlockBatchRequestBody(json.string("consumerGroup"), json.string("clientId"),
                BodyReader.objectSet(json, "mqSet", MessageQueue::fromJson), json.bool("onlyThisBroker", false));
    }

    @Override
    public Object toJson() {
        return LockBatchRequestBody.queueRequestJson(clientId, consumerGroup, mqSet, onlyThisBroker);
    }
}
