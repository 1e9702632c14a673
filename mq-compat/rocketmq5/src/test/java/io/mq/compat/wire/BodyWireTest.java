package io.mq.compat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.body.ConsumeFromWhere;
import io.mq.protocol.body.ConsumeStats;
import io.mq.protocol.body.ConsumeType;
import io.mq.protocol.body.Connection;
import io.mq.protocol.body.ConsumerConnection;
import io.mq.protocol.body.ConsumerData;
import io.mq.protocol.body.ConsumerListByGroupResponseBody;
import io.mq.protocol.body.ConsumerOffsetSerializeWrapper;
import io.mq.protocol.body.GroupList;
import io.mq.protocol.body.HeartbeatData;
import io.mq.protocol.body.JsonBody;
import io.mq.protocol.body.LockBatchRequestBody;
import io.mq.protocol.body.LockBatchResponseBody;
import io.mq.protocol.body.MessageModel;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.OffsetWrapper;
import io.mq.protocol.body.ProducerData;
import io.mq.protocol.body.QueryConsumeTimeSpanBody;
import io.mq.protocol.body.QueueTimeSpan;
import io.mq.protocol.body.ResetOffsetBody;
import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.body.SubscriptionGroupConfig;
import io.mq.protocol.body.SubscriptionGroupWrapper;
import io.mq.protocol.body.TopicOffset;
import io.mq.protocol.body.TopicStatsTable;
import io.mq.protocol.body.UnlockBatchRequestBody;
import io.mq.protocol.remoting.LanguageCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.Test;

/**
 * Every body against the official 5.2.0 class and its fastjson encoding: what the official code writes
 * decodes into our record; we write the same JSON (by meaning); and the official code decodes ours back to
 * the same JSON, 5.x fields included.
 */
class BodyWireTest {

    private static final MessageQueue Q0 = new MessageQueue("orders", "broker-a", 0);
    private static final MessageQueue Q1 = new MessageQueue("orders", "broker-a", 1);
    private static final SubscriptionData SUBSCRIPTION = new SubscriptionData(false, "orders", "paid || shipped",
            Set.of("paid", "shipped"), Set.of("paid".hashCode(), "shipped".hashCode()), 1_700_000_000_001L, "TAG");

    @Test
    void heartbeat() {
        var consumer = new ConsumerData("order-consumer", ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, Set.of(SUBSCRIPTION), false);
        assertInterop(OfficialBodies.heartbeat(), new HeartbeatData("10.0.0.1@4242",
                Set.of(new ProducerData("order-producer")), Set.of(consumer), -123456, true), HeartbeatData::decode);
    }

    @Test
    void consumerListByGroup() {
        assertInterop(OfficialBodies.consumerList(),
                new ConsumerListByGroupResponseBody(List.of("10.0.0.1@4242", "10.0.0.2@4243")),
                ConsumerListByGroupResponseBody::decode);
    }

    @Test
    void lockAndUnlockBatch() {
        assertInterop(OfficialBodies.lockRequest(),
                new LockBatchRequestBody("order-consumer", "10.0.0.1@4242", Set.of(Q0, Q1), true),
                LockBatchRequestBody::decode);
        assertInterop(OfficialBodies.unlockRequest(),
                new UnlockBatchRequestBody("order-consumer", "10.0.0.1@4242", Set.of(Q1), false),
                UnlockBatchRequestBody::decode);
        assertInterop(OfficialBodies.lockResponse(), new LockBatchResponseBody(Set.of(Q0)),
                LockBatchResponseBody::decode);
    }

    @Test
    void subscriptionGroups() {
        var official = OfficialBodies.subscriptionGroups();
        var config = new SubscriptionGroupConfig("order-consumer", true, true, false, 1, 3, 0L, 2L, true, true,
                1, 30, Map.of("delete.policy", "COMPACTION"), Map.of("type", "CUSTOMIZED"), null);
        var dataVersion = Map.<String, Object>of("stateVersion", official.getDataVersion().getStateVersion(),
                "timestamp", official.getDataVersion().getTimestamp(),
                "counter", official.getDataVersion().getCounter().get());
        assertInterop(official, new SubscriptionGroupWrapper(Map.of("order-consumer", config), dataVersion),
                SubscriptionGroupWrapper::decode);
    }

    @Test
    void consumeStatsKeyedByMessageQueue() {
        var expected = new ConsumeStats(Map.of(Q0, new OffsetWrapper(100, 90, 91, 1_700_000_000_100L),
                Q1, new OffsetWrapper(50, 50, 51, 1_700_000_000_200L)), 12.5);
        assertInterop(OfficialBodies.consumeStats(), expected, ConsumeStats::decode);
        assertThat(expected.totalDiff()).isEqualTo(OfficialBodies.consumeStats().computeTotalDiff());
    }

    @Test
    void topicStatsKeyedByMessageQueue() {
        assertInterop(OfficialBodies.topicStats(),
                new TopicStatsTable(Map.of(Q0, new TopicOffset(3, 100, 1_700_000_000_300L))),
                TopicStatsTable::decode);
    }

    @Test
    void consumerConnection() {
        assertInterop(OfficialBodies.consumerConnection(), new ConsumerConnection(
                Set.of(new Connection("10.0.0.1@4242", "10.0.0.1:51234", LanguageCode.JAVA, 453)),
                Map.of("orders", SUBSCRIPTION), ConsumeType.CONSUME_PASSIVELY, MessageModel.BROADCASTING,
                ConsumeFromWhere.CONSUME_FROM_TIMESTAMP), ConsumerConnection::decode);
    }

    @Test
    void resetOffsetKeyedByMessageQueue() {
        assertInterop(OfficialBodies.resetOffset(), new ResetOffsetBody(Map.of(Q0, 17L, Q1, 18L)),
                ResetOffsetBody::decode);
    }

    @Test
    void consumeTimeSpan() {
        var span = new QueueTimeSpan(Q0, 1_700_000_000_000L, 1_700_000_009_000L, 1_700_000_005_000L, 4_000L);
        // fastjson also writes the three timestamps formatted as text (getXxxStr); they carry nothing new.
        assertInterop(OfficialBodies.consumeTimeSpan(), new QueryConsumeTimeSpanBody(List.of(span)),
                QueryConsumeTimeSpanBody::decode, "minTimeStampStr", "maxTimeStampStr", "consumeTimeStampStr");
    }

    @Test
    void groupList() {
        assertInterop(OfficialBodies.groupList(), new GroupList(Set.of("order-consumer", "audit")),
                GroupList::decode);
    }

    @Test
    void consumerOffsetsKeyedByTopicAtGroupThenQueueId() {
        var official = OfficialBodies.consumerOffsets();
        assertThat(new String(official.encode(), StandardCharsets.UTF_8)).contains("{0:90,1:50}");
        assertInterop(official, new ConsumerOffsetSerializeWrapper(
                Map.of(ConsumerOffsetSerializeWrapper.key("orders", "order-consumer"), Map.of(0, 90L, 1, 50L)), null),
                ConsumerOffsetSerializeWrapper::decode);
    }

    @Test
    void messageQueueAsAMapKeyIsWrittenAsAnObjectAsFastjsonDoes() {
        var ours = new String(new ResetOffsetBody(Map.of(Q0, 17L)).encode(), StandardCharsets.UTF_8);
        assertThat(ours).isEqualTo(
                "{\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"orders\"}:17}}");
        var official = new String(OfficialBodies.resetOffset().encode(), StandardCharsets.UTF_8);
        assertThat(official).contains("{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"orders\"}:17");
    }

    private static <T extends JsonBody> void assertInterop(Object official, T expected, Function<byte[], T> decoder,
                                                           String... keysOnlyOneSideHas) {
        var ignored = Set.of(keysOnlyOneSideHas);
        byte[] officialBytes = RemotingSerializable.encode(official);

        T ours = decoder.apply(officialBytes);
        assertThat(ours).isEqualTo(expected);

        byte[] ourBytes = ours.encode();
        assertThat(JsonTrees.tree(ourBytes, ignored)).isEqualTo(JsonTrees.tree(officialBytes, ignored));

        Object decodedByOfficial = RemotingSerializable.decode(ourBytes, official.getClass());
        assertThat(JsonTrees.tree(RemotingSerializable.encode(decodedByOfficial), ignored))
                .isEqualTo(JsonTrees.tree(officialBytes, ignored));
    }
}
