package io.mq.protocol.body;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to GET_ROUTEINFO_BY_TOPIC: which brokers serve the topic (queue datas) and where they are (broker
 * datas). {@code filterServerTable} is always written, even empty, because the 5.x client iterates it unchecked.
 */
public record TopicRouteData(String orderTopicConf, List<QueueData> queueDatas, List<BrokerData> brokerDatas,
                             Map<String, List<String>> filterServerTable) implements JsonWritable {

    public TopicRouteData {
        queueDatas = queueDatas == null ? List.of() : List.copyOf(queueDatas);
        brokerDatas = brokerDatas == null ? List.of() : List.copyOf(brokerDatas);
        filterServerTable = filterServerTable == null ? Map.of() : Map.copyOf(filterServerTable);
    }

    public TopicRouteData withOrderTopicConf(String conf) {
        return new TopicRouteData(conf, queueDatas, brokerDatas, filterServerTable);
    }

    @Override
    public Object toJson() {
        return toJson(false);
    }

    /**
     * The fastjson form, or with {@code standardJson} strict JSON (quoted map keys), which RocketMQ's name server
     * sends to clients of 4.9.4 and later and to any client asking with {@code acceptStandardJsonOnly}.
     */
    public Map<String, Object> toJson(boolean standardJson) {
        var json = new LinkedHashMap<String, Object>();
        var brokers = new ArrayList<Object>();
        brokerDatas.forEach(b -> brokers.add(b.toJson(standardJson)));
        json.put("brokerDatas", brokers);
        json.put("filterServerTable", new TreeMap<>(filterServerTable));
        json.put("orderTopicConf", orderTopicConf);
        json.put("queueDatas", queueDatas);
        return json;
    }

    public byte[] encode(boolean standardJson) {
        return Json.writeBytes(toJson(standardJson));
    }

    public static TopicRouteData fromJson(JsonObject json) {
        var filters = new LinkedHashMap<String, List<String>>();
        var table = json.object("filterServerTable");
        if (table != null) {
            table.asMap().forEach((addr, list) -> {
                var servers = new ArrayList<String>();
                if (list instanceof List<?> l) {
                    l.forEach(s -> servers.add(String.valueOf(s)));
                }
                filters.put(String.valueOf(addr), servers);
            });
        }
        return new TopicRouteData(json.string("orderTopicConf"), json.objects("queueDatas", QueueData::fromJson),
                json.objects("brokerDatas", BrokerData::fromJson), filters);
    }

    public static TopicRouteData decode(byte[] body) {
        return fromJson(Json.parseObject(body));
    }
}
