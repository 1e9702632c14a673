package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A broker group in a route: its cluster, name and addresses by broker id (0 = master). fastjson writes the
 * Long-keyed map as {@code {0:"127.0.0.1:10911"}}; the "standard JSON" form quotes the keys. {@code zoneName}
 * and {@code enableActingMaster} are 5.x fields (null / false from 4.x).
 */
public record BrokerData(String cluster, String brokerName, Map<Long, String> brokerAddrs, String zoneName,
                         boolean enableActingMaster) implements JsonWritable {

    public static final long MASTER_ID = 0L;

    public BrokerData {
        brokerAddrs = brokerAddrs == null ? Map.of() : Map.copyOf(brokerAddrs);
    }

    public BrokerData(String cluster, String brokerName, Map<Long, String> brokerAddrs) {
        this(cluster, brokerName, brokerAddrs, null, false);
    }

    /** The master's address, or null when no master is registered. */
    public String masterAddr() {
        return brokerAddrs.get(MASTER_ID);
    }

    @Override
    public Object toJson() {
        return toJson(false);
    }

    /** With {@code standardJson} the broker ids are written as quoted strings (what non-Java clients ask for). */
    public Map<String, Object> toJson(boolean standardJson) {
        var json = new LinkedHashMap<String, Object>();
        var addrs = new TreeMap<Object, Object>(standardJson ? (a, b) -> a.toString().compareTo(b.toString()) : null);
        brokerAddrs.forEach((id, addr) -> addrs.put(standardJson ? id.toString() : id, addr));
        json.put("brokerAddrs", addrs);
        json.put("brokerName", brokerName);
        json.put("cluster", cluster);
        json.put("enableActingMaster", enableActingMaster);
        json.put("zoneName", zoneName);
        return json;
    }

    public static BrokerData fromJson(JsonObject json) {
        var addrs = new LinkedHashMap<Long, String>();
        var raw = json.object("brokerAddrs");
        if (raw != null) {
            raw.asMap().forEach((id, addr) -> addrs.put(JsonObject.toLong("brokerAddrs key", id), String.valueOf(addr)));
        }
        return new BrokerData(json.string("cluster"), json.string("brokerName"), addrs, json.string("zoneName"),
                json.bool("enableActingMaster", false));
    }
}
