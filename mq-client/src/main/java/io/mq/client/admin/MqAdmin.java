package io.mq.client.admin;

import io.mq.client.ClientConfig;
import io.mq.client.ClientInstance;
import io.mq.client.MessageView;
import io.mq.client.MqClientException;
import io.mq.client.TopicRoute;
import io.mq.protocol.body.BrokerData;
import io.mq.protocol.body.ClusterInfo;
import io.mq.protocol.body.ConsumeStats;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.OffsetWrapper;
import io.mq.protocol.body.PermName;
import io.mq.protocol.body.SubscriptionGroupConfig;
import io.mq.protocol.header.CreateTopicRequestHeader;
import io.mq.protocol.header.QueryMessageRequestHeader;
import io.mq.protocol.header.ResetOffsetRequestHeader;
import io.mq.protocol.message.MessageId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Administration of a cluster, the calls {@code mqadmin} makes: topics (create, delete, route, list), cluster
 * info, subscription groups, consumer progress, offset reset, and messages by id or key. Sync; every failure is an
 * {@link MqClientException} naming the broker, the response code and the broker's remark.
 */
public final class MqAdmin implements AutoCloseable {

    /** Read and write, as {@code mqadmin updateTopic} grants by default. */
    public static final int READ_WRITE = PermName.READ_WRITE;

    private final ClientInstance client;
    private final long timeoutMillis;

    private MqAdmin(ClientInstance client) {
        this.client = client;
        this.timeoutMillis = client.config().requestTimeout().toMillis();
    }

    public static MqAdmin start(ClientConfig config) {
        return new MqAdmin(ClientInstance.acquire(config));
    }

    // ---- topics

    /** Creates (or updates) a topic on one broker, which then registers it with the name servers. */
    public void createTopic(String brokerAddress, String topic, int queueNums, int perm) {
        client.brokerApi().createTopic(brokerAddress, new CreateTopicRequestHeader(topic,
                "TBW102", queueNums, queueNums, perm, "SINGLE_TAG", 0, false, null, null), timeoutMillis);
    }

    /** Creates the topic on every master of the cluster; answers their addresses. */
    public List<String> createTopicInCluster(String cluster, String topic, int queueNums, int perm) {
        var masters = masterAddresses(cluster);
        masters.forEach(address -> createTopic(address, topic, queueNums, perm));
        return masters;
    }

    /** Deletes the topic from every master of the cluster, then from the name servers. */
    public void deleteTopic(String cluster, String topic) {
        masterAddresses(cluster).forEach(address -> client.brokerApi().deleteTopic(address, topic, timeoutMillis));
        client.nameServerApi().deleteTopic(topic, cluster);
    }

    /** The topic's route as the name server has it now (not cached). */
    public TopicRoute route(String topic) {
        return new TopicRoute(topic, client.nameServerApi().route(topic));
    }

    public Set<String> topics() {
        return client.nameServerApi().topicList().topicList();
    }

    public ClusterInfo clusterInfo() {
        return client.nameServerApi().clusterInfo();
    }

    // ---- consumer groups

    public void createSubscriptionGroup(String brokerAddress, SubscriptionGroupConfig group) {
        client.brokerApi().createSubscriptionGroup(brokerAddress, group, timeoutMillis);
    }

    public List<String> createSubscriptionGroupInCluster(String cluster, SubscriptionGroupConfig group) {
        var masters = masterAddresses(cluster);
        masters.forEach(address -> createSubscriptionGroup(address, group));
        return masters;
    }

    /**
     * A group's progress on a topic across its brokers: per queue the broker's max offset, the group's offset and
     * the last store time; {@link ConsumeStats#totalDiff()} is the lag.
     */
    public ConsumeStats consumeStats(String group, String topic) {
        var offsets = new TreeMap<MessageQueue, OffsetWrapper>();
        double tps = 0;
        for (var address : route(topic).masterAddresses()) {
            var stats = client.brokerApi().consumeStats(address, group, topic, timeoutMillis);
            offsets.putAll(stats.offsetTable());
            tps += stats.consumeTps();
        }
        return new ConsumeStats(offsets, tps);
    }

    /**
     * Moves the group's offsets of a topic to the first message stored at or after {@code timestamp}, on every
     * broker of the topic; live consumers are told (RESET_CONSUMER_CLIENT_OFFSET). Answers the new offsets.
     */
    public Map<MessageQueue, Long> resetOffsetByTime(String group, String topic, long timestamp, boolean force) {
        var offsets = new HashMap<MessageQueue, Long>();
        var header = new ResetOffsetRequestHeader(topic, group, timestamp, force, -1, null);
        for (var address : route(topic).masterAddresses()) {
            offsets.putAll(client.brokerApi().resetOffset(address, header, timeoutMillis));
        }
        return offsets;
    }

    // ---- messages

    /** The message of an offset message id (the broker's id: store host and commit-log offset). */
    public MessageView viewMessage(String offsetMsgId) {
        MessageId id;
        try {
            id = MessageId.decode(offsetMsgId);
        } catch (IllegalArgumentException e) {
            throw new MqClientException(MqClientException.CLIENT_ERROR, null, e.getMessage(), e);
        }
        var host = id.storeHost();
        var address = host.getAddress().getHostAddress() + ":" + host.getPort();
        return client.brokerApi().viewMessage(address, id.commitLogOffset(), timeoutMillis);
    }

    /** Messages of a topic with this key stored in {@code [beginMillis, endMillis]}, from every broker of the topic. */
    public List<MessageView> queryMessageByKey(String topic, String key, int maxNum, long beginMillis, long endMillis) {
        return query(new QueryMessageRequestHeader(topic, key, maxNum, beginMillis, endMillis, false), topic);
    }

    /** Messages of a topic by unique id (UNIQ_KEY, the producer's msgId). */
    public List<MessageView> queryMessageByUniqueKey(String topic, String uniqueKey) {
        return query(new QueryMessageRequestHeader(topic, uniqueKey, 32, 0, Long.MAX_VALUE, true), topic);
    }

    private List<MessageView> query(QueryMessageRequestHeader header, String topic) {
        var found = new ArrayList<MessageView>();
        for (var address : route(topic).masterAddresses()) {
            found.addAll(client.brokerApi().queryMessage(address, header, timeoutMillis));
        }
        return found;
    }

    public ClientInstance client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }

    private List<String> masterAddresses(String cluster) {
        var info = clusterInfo();
        var names = info.clusterAddrTable().get(cluster);
        if (names == null || names.isEmpty()) {
            throw new MqClientException(MqClientException.BROKER_NOT_FOUND, "cluster " + cluster
                    + " is not known to the name server; known: " + info.clusterAddrTable().keySet());
        }
        return names.stream().sorted()
                .map(info.brokerAddrTable()::get)
                .filter(broker -> broker != null && broker.masterAddr() != null)
                .map(BrokerData::masterAddr)
                .toList();
    }
}
