package io.mq.client;

import io.mq.protocol.body.BrokerData;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.PermName;
import io.mq.protocol.body.QueueData;
import io.mq.protocol.body.TopicRouteData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A topic's route as the name server gave it, with the queues derived from it: producers send to the
 * {@link #publishQueues()} (write queues of brokers that have a master and grant write), consumers read the
 * {@link #subscribeQueues()} (read queues of brokers that grant read), both in broker-name then queue-id order.
 */
public final class TopicRoute {

    private final String topic;
    private final TopicRouteData data;
    private final Map<String, BrokerData> brokers;
    private final List<MessageQueue> publishQueues;
    private final List<MessageQueue> subscribeQueues;

    public TopicRoute(String topic, TopicRouteData data) {
        this.topic = topic;
        this.data = data;
        var byName = new LinkedHashMap<String, BrokerData>();
        data.brokerDatas().stream().sorted(Comparator.comparing(BrokerData::brokerName))
                .forEach(broker -> byName.put(broker.brokerName(), broker));
        this.brokers = Collections.unmodifiableMap(byName);
        this.publishQueues = List.copyOf(publishQueues(topic, data, brokers));
        this.subscribeQueues = List.copyOf(subscribeQueues(topic, data));
    }

    /**
     * The auto-create template's route (TBW102) lent to a topic no broker has yet: the broker creates the topic on
     * the first send, with at most {@code queueNums} queues, as the official producer does.
     */
    public static TopicRoute fromTemplate(String topic, TopicRouteData template, int queueNums) {
        var queues = template.queueDatas().stream()
                .map(q -> new QueueData(q.brokerName(), Math.min(queueNums, q.readQueueNums()),
                        Math.min(queueNums, q.writeQueueNums()), q.perm(), q.topicSysFlag()))
                .toList();
        return new TopicRoute(topic, new TopicRouteData(null, queues, template.brokerDatas(),
                template.filterServerTable()));
    }

    public String topic() {
        return topic;
    }

    /** The route as received. */
    public TopicRouteData data() {
        return data;
    }

    public List<MessageQueue> publishQueues() {
        return publishQueues;
    }

    public List<MessageQueue> subscribeQueues() {
        return subscribeQueues;
    }

    /** Brokers of the route by name. */
    public Map<String, BrokerData> brokers() {
        return brokers;
    }

    public Optional<String> masterAddress(String brokerName) {
        return Optional.ofNullable(brokers.get(brokerName)).map(BrokerData::masterAddr);
    }

    /** The master address of every broker of the route that has one. */
    public List<String> masterAddresses() {
        return brokers.values().stream().map(BrokerData::masterAddr).filter(a -> a != null).toList();
    }

    /** True when the route carries an order configuration ("broker-a:4;broker-b:4"): a globally ordered topic. */
    public boolean isOrdered() {
        return data.orderTopicConf() != null && !data.orderTopicConf().isEmpty();
    }

    /** Same content (queues and brokers), so a refresh that brought nothing new is not reported as a change. */
    public boolean sameAs(TopicRoute other) {
        return other != null && publishQueues.equals(other.publishQueues)
                && subscribeQueues.equals(other.subscribeQueues) && brokers.equals(other.brokers);
    }

    private static List<MessageQueue> publishQueues(String topic, TopicRouteData data, Map<String, BrokerData> brokers) {
        var queues = new ArrayList<MessageQueue>();
        if (data.orderTopicConf() != null && !data.orderTopicConf().isEmpty()) {
            for (var entry : data.orderTopicConf().split(";")) {
                var parts = entry.split(":");
                if (parts.length == 2) {
                    int count = Integer.parseInt(parts[1].trim());
                    for (int id = 0; id < count; id++) {
                        queues.add(new MessageQueue(topic, parts[0].trim(), id));
                    }
                }
            }
            return queues;
        }
        for (var queueData : sortedByBroker(data)) {
            var broker = brokers.get(queueData.brokerName());
            if (!PermName.isWriteable(queueData.perm()) || broker == null || broker.masterAddr() == null) {
                continue;
            }
            for (int id = 0; id < queueData.writeQueueNums(); id++) {
                queues.add(new MessageQueue(topic, queueData.brokerName(), id));
            }
        }
        return queues;
    }

    private static List<MessageQueue> subscribeQueues(String topic, TopicRouteData data) {
        var queues = new ArrayList<MessageQueue>();
        for (var queueData : sortedByBroker(data)) {
            if (!PermName.isReadable(queueData.perm())) {
                continue;
            }
            for (int id = 0; id < queueData.readQueueNums(); id++) {
                queues.add(new MessageQueue(topic, queueData.brokerName(), id));
            }
        }
        return queues;
    }

    private static List<QueueData> sortedByBroker(TopicRouteData data) {
        return data.queueDatas().stream().sorted(Comparator.comparing(QueueData::brokerName)).toList();
    }

    @Override
    public String toString() {
        return "TopicRoute[" + topic + ", publish=" + publishQueues.size() + " queues, subscribe="
                + subscribeQueues.size() + " queues, brokers=" + brokers.keySet() + "]";
    }
}
