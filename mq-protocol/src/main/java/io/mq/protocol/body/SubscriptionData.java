package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * A consumer's subscription to one topic: the expression ({@code subString}: tags like {@code "a || b"} or
 * {@code "*"}, or SQL92), its parsed tags and their hash codes, and a version that grows with each change.
 *
 * @param expressionType {@code TAG} or {@code SQL92}
 */
public record SubscriptionData(
        boolean classFilterMode,
        String topic,
        String subString,
        Set<String> tagsSet,
        Set<Integer> codeSet,
        long subVersion,
        String expressionType) implements JsonWritable {

    public static final String SUB_ALL = "*";
    public static final String TAG = "TAG";
    public static final String SQL92 = "SQL92";

    public SubscriptionData {
        tagsSet = BodyReader.copyOfSet(tagsSet);
        codeSet = BodyReader.copyOfSet(codeSet);
    }

    public static SubscriptionData fromJson(JsonObject json) {
        return new SubscriptionData(
                json.bool("classFilterMode", false),
                json.string("topic"),
                json.string("subString"),
                BodyReader.stringSet(json, "tagsSet"),
                BodyReader.intSet(json, "codeSet"),
                json.longValue("subVersion", 0),
                json.string("expressionType", TAG));
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("classFilterMode", classFilterMode);
        out.put("codeSet", codeSet);
        out.put("expressionType", expressionType);
        out.put("subString", subString);
        out.put("subVersion", subVersion);
        out.put("tagsSet", tagsSet);
        out.put("topic", topic);
        return out;
    }
}
