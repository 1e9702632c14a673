package io.mq.protocol.body;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The answer to GET_BROKER_CLUSTER_INFO: broker groups by name, and broker names by cluster. */
public record ClusterInfo(Map<String, BrokerData> brokerAddrTable, Map<String, Set<String>> clusterAddrTable)
        implements JsonWritable {

    public ClusterInfo {
        brokerAddrTable = brokerAddrTable == null ? Map.of() : Map.copyOf(brokerAddrTable);
        var clusters = new LinkedHashMap<String, Set<String>>();
        if (clusterAddrTable != null) {
            clusterAddrTable.forEach((cluster, names) -> clusters.put(cluster, Set.copyOf(names)));
        }
        clusterAddrTable = Map.copyOf(clusters);
    }

    /** Every address of every broker in {@code cluster} (masters and slaves). */
    public List<String> addressesOfCluster(String cluster) {
        var addrs = new ArrayList<String>();
        for (var name : clusterAddrTable.getOrDefault(cluster, Set.of())) {
            var broker = brokerAddrTable.get(name);
            if (broker != null) {
                addrs.addAll(broker.brokerAddrs().values());
            }
        }
        return addrs;
    }

    @Override
    public Object toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("brokerAddrTable", new TreeMap<>(brokerAddrTable));
        var clusters = new TreeMap<String, Object>();
        clusterAddrTable.forEach((cluster, names) -> clusters.put(cluster, new TreeSet<>(names)));
        json.put("clusterAddrTable", clusters);
        return json;
    }

    public byte[] encode() {
        return Json.writeBytes(this);
    }

    public static ClusterInfo fromJson(JsonObject json) {
        var brokers = new LinkedHashMap<String, BrokerData>();
        var brokerTable = json.object("brokerAddrTable");
        if (brokerTable != null) {
            brokerTable.asMap().forEach((name, data) ->
                    brokers.put(String.valueOf(name), BrokerData.fromJson(JsonObject.asObject(data, "brokerAddrTable"))));
        }
        var clusters = new LinkedHashMap<String, Set<String>>();
        var clusterTable = json.object("clusterAddrTable");
        if (clusterTable != null) {
            clusterTable.asMap().forEach((cluster, names) -> {
                var set = new TreeSet<String>();
                if (names instanceof List<?> list) {
                    list.forEach(n -> set.add(String.valueOf(n)));
                }
                clusters.put(String.valueOf(cluster), set);
            });
        }
        return new ClusterInfo(brokers, clusters);
    }

    public static ClusterInfo decode(byte[] body) {
        return fromJson(Json.parseObject(body));
    }
}
