package io.mq.broker.processor.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import io.mq.protocol.body.ConsumeFromWhere;
import io.mq.protocol.body.ConsumeStats;
import io.mq.protocol.body.ConsumeType;
import io.mq.protocol.body.ConsumerConnection;
import io.mq.protocol.body.ConsumerData;
import io.mq.protocol.body.GroupList;
import io.mq.protocol.body.HeartbeatData;
import io.mq.protocol.body.KVTable;
import io.mq.protocol.body.MessageModel;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.body.SubscriptionGroupConfig;
import io.mq.protocol.body.SubscriptionGroupWrapper;
import io.mq.protocol.body.TopicConfigSerializeWrapper;
import io.mq.protocol.body.TopicList;
import io.mq.protocol.body.TopicStatsTable;
import io.mq.protocol.header.CreateTopicRequestHeader;
import io.mq.protocol.header.DeleteTopicRequestHeader;
import io.mq.protocol.header.GetConsumeStatsRequestHeader;
import io.mq.protocol.header.GetConsumerConnectionListRequestHeader;
import io.mq.protocol.header.GetTopicStatsInfoRequestHeader;
import io.mq.protocol.header.ViewMessageRequestHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin requests over real TCP against an embedded broker. */
class AdminProcessorsTest {

    private static final long TIMEOUT = 5_000;
    private static final InetSocketAddress BORN_HOST = new InetSocketAddress("127.0.0.1", 40000);

    @TempDir
    Path storeDir;

    private EmbeddedBroker embedded;
    private NettyRemotingClient client;

    @BeforeEach
    void start() {
        embedded = EmbeddedBroker.start(storeDir);
        client = new NettyRemotingClient();
    }

    @AfterEach
    void stop() {
        client.close();
        embedded.close();
    }

    @Test
    void createdTopicWithEightQueuesIsListedInAllTopicConfigs() {
        var response = createTopic("orders", 8);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);

        var all = call(RemotingCommand.request(RequestCode.GET_ALL_TOPIC_CONFIG, null));

        assertThat(all.code()).isEqualTo(ResponseCode.SUCCESS);
        var wrapper = TopicConfigSerializeWrapper.decode(all.body());
        assertThat(wrapper.topicConfigTable().get("orders")).satisfies(t -> {
            assertThat(t.readQueueNums()).isEqualTo(8);
            assertThat(t.writeQueueNums()).isEqualTo(8);
            assertThat(t.perm()).isEqualTo(6);
        });
        assertThat(wrapper.dataVersion().counter()).isEqualTo(
                embedded.broker().runtime().topics().dataVersion().counter());
    }

    @Test
    void theDefaultTopicAndIllegalNamesAreRefusedWithTheReason() {
        var tbw = createTopic("TBW102", 8);
        assertThat(tbw.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(tbw.remark()).contains("TBW102").contains("system topic");

        var illegal = createTopic("orders/eu", 8);
        assertThat(illegal.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(illegal.remark()).contains("illegal character");

        var tooMany = createTopic("huge", 100_000);
        assertThat(tooMany.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(tooMany.remark()).contains("exceed");
        assertThat(embedded.broker().runtime().topics().contains("huge")).isFalse();
    }

    @Test
    void deletedTopicIsGoneWithItsOffsets() {
        createTopic("orders", 4);
        var offsets = embedded.broker().runtime().offsets();
        offsets.commit("g1", "orders", 0, 3);

        var response = call(RemotingCommand.request(RequestCode.DELETE_TOPIC_IN_BROKER,
                new DeleteTopicRequestHeader("orders")));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(embedded.broker().runtime().topics().contains("orders")).isFalse();
        assertThat(offsets.query("g1", "orders", 0)).isEqualTo(-1);
    }

    @Test
    void systemTopicListHoldsTheBrokersSystemTopics() {
        var response = call(RemotingCommand.request(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, null));

        assertThat(TopicList.decode(response.body()).topicList())
                .contains("TBW102", "SCHEDULE_TOPIC_XXXX", "RMQ_SYS_TRANS_HALF_TOPIC", "DefaultCluster", "broker-a")
                .doesNotContain("orders");
    }

    @Test
    void subscriptionGroupsAreCreatedListedAndDeleted() {
        var config = new SubscriptionGroupConfig("billing", true, true, true, 3, 5, 0L, 1L, false, false, 0, 15,
                Map.of(), null, null);
        var create = call(RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, null)
                .body(config.encode()));
        assertThat(create.code()).isEqualTo(ResponseCode.SUCCESS);

        var all = SubscriptionGroupWrapper.decode(
                call(RemotingCommand.request(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, null)).body());
        assertThat(all.subscriptionGroupTable().get("billing")).satisfies(g -> {
            assertThat(g.retryQueueNums()).isEqualTo(3);
            assertThat(g.retryMaxTimes()).isEqualTo(5);
            assertThat(g.notifyConsumerIdsChangedEnable()).isFalse();
        });

        embedded.broker().runtime().offsets().commit("billing", "orders", 0, 7);
        var delete = call(RemotingCommand.request(RequestCode.DELETE_SUBSCRIPTIONGROUP, null)
                .putExt("groupName", "billing").putExt("removeOffset", "true"));
        assertThat(delete.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(embedded.broker().runtime().subscriptionGroups().get("billing")).isEmpty();
        assertThat(embedded.broker().runtime().offsets().query("billing", "orders", 0)).isEqualTo(-1);
    }

    @Test
    void brokerConfigIsPropertiesTextWithAVersion() throws Exception {
        var response = call(RemotingCommand.request(RequestCode.GET_BROKER_CONFIG, null));

        var properties = new Properties();
        properties.load(new StringReader(new String(response.body(), StandardCharsets.UTF_8)));
        assertThat(properties.getProperty("brokerName")).isEqualTo("broker-a");
        assertThat(properties.getProperty("brokerClusterName")).isEqualTo("DefaultCluster");
        assertThat(properties.getProperty("listenPort")).isEqualTo(String.valueOf(embedded.broker().port()));
        assertThat(properties.getProperty("flushDiskType")).isEqualTo("ASYNC_FLUSH");
        assertThat(response.ext("version")).contains("counter").contains("timestamp");
    }

    @Test
    void runtimeInfoHasEveryFigureTheClusterListParses() {
        var response = call(RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO, null));

        var table = KVTable.decode(response.body()).table();
        for (var key : new String[] {"msgPutTotalYesterdayMorning", "msgPutTotalTodayMorning", "msgPutTotalTodayNow",
                "msgGetTotalYesterdayMorning", "msgGetTotalTodayMorning", "msgGetTotalTodayNow",
                "earliestMessageTimeStamp", "commitLogMaxOffset", "commitLogMinOffset", "bootTimestamp",
                "timerReadBehind", "timerOffsetBehind", "timerCongestNum", "brokerVersion"}) {
            assertThat(Long.parseLong(table.get(key))).as(key).isNotNull();
        }
        for (var key : new String[] {"putTps", "getTransferedTps", "getTransferredTps"}) {
            assertThat(Double.parseDouble(table.get(key).split(" ")[0])).as(key).isNotNull();
        }
        assertThat(Double.parseDouble(table.get("commitLogDiskRatio"))).isBetween(-1.0, 1.0);
        assertThat(Float.parseFloat(table.get("timerEnqueueTps"))).isZero();
        assertThat(table.get("brokerVersionDesc")).isEqualTo("V4_9_7");
        assertThat(table.get("runtime")).startsWith("[ 0 days");
        assertThat(table).containsKeys("pageCacheLockTimeMills", "sendThreadPoolQueueSize",
                "pullThreadPoolQueueHeadWaitTimeMills", "brokerActive");
    }

    @Test
    void runtimeInfoCountsStoredMessages() {
        createTopic("orders", 2);
        append("orders", 0, "one");
        append("orders", 1, "two");

        await().atMost(Duration.ofSeconds(5)).until(() -> Long.parseLong(KVTable.decode(
                call(RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO, null)).body())
                .table().get("msgPutTotalTodayNow")) >= 2);
    }

    @Test
    void topicStatsShowEachQueuesOffsets() {
        createTopic("orders", 2);
        append("orders", 1, "a");
        append("orders", 1, "b");
        var store = embedded.broker().runtime().store();
        await().atMost(Duration.ofSeconds(5)).until(() -> store.maxOffset("orders", 1) == 2);

        var response = call(RemotingCommand.request(RequestCode.GET_TOPIC_STATS_INFO,
                new GetTopicStatsInfoRequestHeader("orders")));

        var table = TopicStatsTable.decode(response.body()).offsetTable();
        assertThat(table).hasSize(2);
        assertThat(table.get(new MessageQueue("orders", "broker-a", 0)).maxOffset()).isZero();
        assertThat(table.get(new MessageQueue("orders", "broker-a", 1))).satisfies(o -> {
            assertThat(o.minOffset()).isZero();
            assertThat(o.maxOffset()).isEqualTo(2);
            assertThat(o.lastUpdateTimestamp()).isPositive();
        });
        var missing = call(RemotingCommand.request(RequestCode.GET_TOPIC_STATS_INFO,
                new GetTopicStatsInfoRequestHeader("nope")));
        assertThat(missing.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
    }

    @Test
    void consumeStatsShowLagPerQueueAndWhoConsumes() {
        createTopic("orders", 2);
        append("orders", 0, "a");
        append("orders", 0, "b");
        append("orders", 0, "c");
        var runtime = embedded.broker().runtime();
        await().atMost(Duration.ofSeconds(5)).until(() -> runtime.store().maxOffset("orders", 0) == 3);
        runtime.offsets().commit("billing", "orders", 0, 1);

        var response = call(RemotingCommand.request(RequestCode.GET_CONSUME_STATS,
                new GetConsumeStatsRequestHeader("billing", null)));

        var stats = ConsumeStats.decode(response.body());
        assertThat(stats.offsetTable().get(new MessageQueue("orders", "broker-a", 0))).satisfies(o -> {
            assertThat(o.brokerOffset()).isEqualTo(3);
            assertThat(o.consumerOffset()).isEqualTo(1);
            assertThat(o.lastTimestamp()).isPositive();
        });
        assertThat(stats.totalDiff()).isEqualTo(2);

        var who = call(RemotingCommand.request(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, null).putExt("topic", "orders"));
        assertThat(GroupList.decode(who.body()).groupList()).containsExactly("billing");
    }

    @Test
    void consumerConnectionsListTheOnlineMembersOrSayNotOnline() {
        var header = new GetConsumerConnectionListRequestHeader("billing");
        var offline = call(RemotingCommand.request(RequestCode.GET_CONSUMER_CONNECTION_LIST, header));
        assertThat(offline.code()).isEqualTo(ResponseCode.CONSUMER_NOT_ONLINE);

        var consumer = new ConsumerData("billing", ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET,
                Set.of(new SubscriptionData(false, "orders", "paid", Set.of(), Set.of(), 3, "TAG")), false);
        call(RemotingCommand.request(RequestCode.HEART_BEAT, null)
                .body(new HeartbeatData("client-1", Set.of(), Set.of(consumer)).encode()));

        var online = call(RemotingCommand.request(RequestCode.GET_CONSUMER_CONNECTION_LIST, header));

        assertThat(online.code()).isEqualTo(ResponseCode.SUCCESS);
        var body = ConsumerConnection.decode(online.body());
        assertThat(body.connectionSet()).singleElement().satisfies(c -> {
            assertThat(c.clientId()).isEqualTo("client-1");
            assertThat(c.clientAddr()).startsWith("127.0.0.1:");
        });
        assertThat(body.subscriptionTable().get("orders").subString()).isEqualTo("paid");
        assertThat(body.consumeFromWhere()).isEqualTo(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    }

    @Test
    void viewMessageByIdAnswersTheStoredBytes() {
        createTopic("orders", 1);
        var result = embedded.broker().runtime().store()
                .append(MessageDraft.of("orders", 0, "hello".getBytes(StandardCharsets.UTF_8), Map.of(), BORN_HOST))
                .join();

        var response = call(RemotingCommand.request(RequestCode.VIEW_MESSAGE_BY_ID,
                new ViewMessageRequestHeader(result.physicalOffset())));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        var message = MessageCodec.decode(ByteBuffer.wrap(response.body()), true);
        assertThat(message.topic()).isEqualTo("orders");
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("hello");

        var missing = call(RemotingCommand.request(RequestCode.VIEW_MESSAGE_BY_ID,
                new ViewMessageRequestHeader(result.physicalOffset() + 1_000_000)));
        assertThat(missing.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
    }

    private RemotingCommand createTopic(String topic, int queues) {
        return call(RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC,
                new CreateTopicRequestHeader(topic, "TBW102", queues, queues, 6, "SINGLE_TAG", 0, false, null, null)));
    }

    private void append(String topic, int queueId, String body) {
        var result = embedded.broker().runtime().store()
                .append(MessageDraft.of(topic, queueId, body.getBytes(StandardCharsets.UTF_8), Map.of(), BORN_HOST))
                .join();
        assertThat(result.isOk()).isTrue();
    }

    private RemotingCommand call(RemotingCommand request) {
        return client.invokeSync(embedded.brokerAddress(), request, TIMEOUT);
    }
}
