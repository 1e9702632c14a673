package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201) response body, and the broker's persisted subscription groups:
 * group name to config, with the data version ({@code timestamp}, {@code counter}, 5.x {@code stateVersion})
 * carried as raw JSON.
 */
public record SubscriptionGroupWrapper(
        Map<String, SubscriptionGroupConfig> subscriptionGroupTable, Map<String, Object> dataVersion)
        implements JsonBody {

    public SubscriptionGroupWrapper {
        subscriptionGroupTable = BodyReader.copyOfMap(subscriptionGroupTable);
    }

    public static SubscriptionGroupWrapper decode(byte[] body) {
        return BodyReader.decode(body, "subscription group table", SubscriptionGroupWrapper::fromJson);
    }

    public static SubscriptionGroupWrapper fromJson(JsonObject json) {
        return new SubscriptionGroupWrapper(
                BodyReader.stringMap(json, "subscriptionGroupTable",
                        v -> SubscriptionGroupConfig.fromJson(JsonObject.asObject(v, "subscriptionGroupTable"))),
                BodyReader.rawObject(json, "dataVersion"));
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("dataVersion", dataVersion);
        out.put("subscriptionGroupTable", subscriptionGroupTable);
        return out;
    }
}
