package io.mq.compat.wire;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.admin.OffsetWrapper;
import org.apache.rocketmq.remoting.protocol.admin.TopicOffset;
import org.apache.rocketmq.remoting.protocol.admin.TopicStatsTable;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.body.Connection;
import org.apache.rocketmq.remoting.protocol.body.ConsumerConnection;
import org.apache.rocketmq.remoting.protocol.body.ConsumerOffsetSerializeWrapper;
import org.apache.rocketmq.remoting.protocol.body.GroupList;
import org.apache.rocketmq.remoting.protocol.body.LockBatchRequestBody;
import org.apache.rocketmq.remoting.protocol.body.LockBatchResponseBody;
import org.apache.rocketmq.remoting.protocol.body.QueryConsumeTimeSpanBody;
import org.apache.rocketmq.remoting.protocol.body.QueueTimeSpan;
import org.apache.rocketmq.remoting.protocol.body.ResetOffsetBody;
import org.apache.rocketmq.remoting.protocol.body.SubscriptionGroupWrapper;
import org.apache.rocketmq.remoting.protocol.body.UnlockBatchRequestBody;
import org.apache.rocketmq.remoting.protocol.header.GetConsumerListByGroupResponseBody;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumeType;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumerData;
import org.apache.rocketmq.remoting.protocol.heartbeat.HeartbeatData;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.remoting.protocol.heartbeat.ProducerData;
import org.apache.rocketmq.remoting.protocol.heartbeat.SubscriptionData;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.remoting.protocol.LanguageCode;

/** Bodies built with the official 5.2.0 classes, as the client, broker or admin tool would fill them. */
final class OfficialBodies {

    static final MessageQueue Q0 = new MessageQueue("orders", "broker-a", 0);
    static final MessageQueue Q1 = new MessageQueue("orders", "broker-a", 1);

    private OfficialBodies() {
    }

    static SubscriptionData subscription() {
        var sub = new SubscriptionData("orders", "paid || shipped");
        sub.setTagsSet(new HashSet<>(Set.of("paid", "shipped")));
        sub.setCodeSet(new HashSet<>(Set.of("paid".hashCode(), "shipped".hashCode())));
        sub.setSubVersion(1_700_000_000_001L);
        return sub;
    }

    static HeartbeatData heartbeat() {
        var producer = new ProducerData();
        producer.setGroupName("order-producer");
        var consumer = new ConsumerData();
        consumer.setGroupName("order-consumer");
        consumer.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        consumer.setMessageModel(MessageModel.CLUSTERING);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        consumer.getSubscriptionDataSet().add(subscription());
        consumer.setUnitMode(false);
        var heartbeat = new HeartbeatData();
        heartbeat.setClientID("10.0.0.1@4242");
        heartbeat.setHeartbeatFingerprint(-123456);
        heartbeat.setWithoutSub(true);
        heartbeat.getProducerDataSet().add(producer);
        heartbeat.getConsumerDataSet().add(consumer);
        return heartbeat;
    }

    static GetConsumerListByGroupResponseBody consumerList() {
        var body = new GetConsumerListByGroupResponseBody();
        body.setConsumerIdList(List.of("10.0.0.1@4242", "10.0.0.2@4243"));
        return body;
    }

    static LockBatchRequestBody lockRequest() {
        var body = new LockBatchRequestBody();
        body.setConsumerGroup("order-consumer");
        body.setClientId("10.0.0.1@4242");
        body.setMqSet(new HashSet<>(Set.of(Q0, Q1)));
        body.setOnlyThisBroker(true);
        return body;
    }

    static UnlockBatchRequestBody unlockRequest() {
        var body = new UnlockBatchRequestBody();
        body.setConsumerGroup("order-consumer");
        body.setClientId("10.0.0.1@4242");
        body.setMqSet(new HashSet<>(Set.of(Q1)));
        return body;
    }

    static LockBatchResponseBody lockResponse() {
        var body = new LockBatchResponseBody();
        body.setLockOKMQSet(new HashSet<>(Set.of(Q0)));
        return body;
    }

    static SubscriptionGroupWrapper subscriptionGroups() {
        var config = new SubscriptionGroupConfig();
        config.setGroupName("order-consumer");
        config.setRetryMaxTimes(3);
        config.setConsumeBroadcastEnable(false);
        config.setWhichBrokerWhenConsumeSlowly(2);
        config.setConsumeMessageOrderly(true);
        config.setConsumeTimeoutMinute(30);
        config.setGroupSysFlag(1);
        config.setAttributes(new HashMap<>(Map.of("delete.policy", "COMPACTION")));
        var wrapper = new SubscriptionGroupWrapper();
        wrapper.getSubscriptionGroupTable().put("order-consumer", config);
        wrapper.getDataVersion().nextVersion();
        return wrapper;
    }

    static ConsumeStats consumeStats() {
        var stats = new ConsumeStats();
        stats.getOffsetTable().put(Q0, offsetWrapper(100, 90, 1_700_000_000_100L));
        stats.getOffsetTable().put(Q1, offsetWrapper(50, 50, 1_700_000_000_200L));
        stats.setConsumeTps(12.5);
        return stats;
    }

    private static OffsetWrapper offsetWrapper(long broker, long consumer, long lastTimestamp) {
        var wrapper = new OffsetWrapper();
        wrapper.setBrokerOffset(broker);
        wrapper.setConsumerOffset(consumer);
        wrapper.setPullOffset(consumer + 1);
        wrapper.setLastTimestamp(lastTimestamp);
        return wrapper;
    }

    static TopicStatsTable topicStats() {
        var table = new TopicStatsTable();
        var offset = new TopicOffset();
        offset.setMinOffset(3);
        offset.setMaxOffset(100);
        offset.setLastUpdateTimestamp(1_700_000_000_300L);
        table.getOffsetTable().put(Q0, offset);
        return table;
    }

    static ConsumerConnection consumerConnection() {
        var connection = new Connection();
        connection.setClientId("10.0.0.1@4242");
        connection.setClientAddr("10.0.0.1:51234");
        connection.setLanguage(LanguageCode.JAVA);
        connection.setVersion(453);
        var body = new ConsumerConnection();
        body.getConnectionSet().add(connection);
        body.getSubscriptionTable().put("orders", subscription());
        body.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        body.setMessageModel(MessageModel.BROADCASTING);
        body.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP);
        return body;
    }

    static ResetOffsetBody resetOffset() {
        var body = new ResetOffsetBody();
        var table = new HashMap<MessageQueue, Long>();
        table.put(Q0, 17L);
        table.put(Q1, 18L);
        body.setOffsetTable(table);
        return body;
    }

    static QueryConsumeTimeSpanBody consumeTimeSpan() {
        var span = new QueueTimeSpan();
        span.setMessageQueue(Q0);
        span.setMinTimeStamp(1_700_000_000_000L);
        span.setMaxTimeStamp(1_700_000_009_000L);
        span.setConsumeTimeStamp(1_700_000_005_000L);
        span.setDelayTime(4_000L);
        var body = new QueryConsumeTimeSpanBody();
        body.setConsumeTimeSpanSet(List.of(span));
        return body;
    }

    static GroupList groupList() {
        var body = new GroupList();
        body.setGroupList(new HashSet<>(Set.of("order-consumer", "audit")));
        return body;
    }

    static ConsumerOffsetSerializeWrapper consumerOffsets() {
        var body = new ConsumerOffsetSerializeWrapper();
        var queues = new ConcurrentHashMap<Integer, Long>();
        queues.put(0, 90L);
        queues.put(1, 50L);
        body.getOffsetTable().put("orders@order-consumer", queues);
        return body;
    }

}
