package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.List;
import java.util.Map;

/** QUERY_CONSUME_TIME_SPAN (303) response body: one {@link QueueTimeSpan} per queue. */
public record QueryConsumeTimeSpanBody(List<QueueTimeSpan> consumeTimeSpanSet) implements JsonBody {

    public QueryConsumeTimeSpanBody {
        consumeTimeSpanSet = BodyReader.copyOfList(consumeTimeSpanSet);
    }

    public static QueryConsumeTimeSpanBody decode(byte[] body) {
        return BodyReader.decode(body, "consume time span", QueryConsumeTimeSpanBody::fromJson);
    }

    public static QueryConsumeTimeSpanBody fromJson(JsonObject json) {
        return new QueryConsumeTimeSpanBody(json.objects("consumeTimeSpanSet", QueueTimeSpan::fromJson));
    }

    @Override
    public Object toJson() {
        return Map.of("consumeTimeSpanSet", consumeTimeSpanSet);
    }
}
