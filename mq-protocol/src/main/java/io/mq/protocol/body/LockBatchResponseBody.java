package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.Map;
import java.util.Set;

/** LOCK_BATCH_MQ (41) response body: the queues the caller now owns. */
public record LockBatchResponseBody(Set<MessageQueue> lockOKMQSet) implements JsonBody {

    public LockBatchResponseBody {
        lockOKMQSet = BodyReader.copyOfSet(lockOKMQSet);
    }

    public static LockBatchResponseBody decode(byte[] body) {
        return BodyReader.decode(body, "lock batch response", LockBatchResponseBody::fromJson);
    }

    public static LockBatchResponseBody fromJson(JsonObject json) {
        return new LockBatchResponseBody(BodyReader.objectSet(json, "lockOKMQSet", MessageQueue::fromJson));
    }

    @Override
    public Object toJson() {
        return Map.of("lockOKMQSet", lockOKMQSet);
    }
}
