package io.mq.compat.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import io.mq.compat.CompatBroker;
import io.mq.compat.OfficialClient;
import io.mq.protocol.body.ConsumeFromWhere;
import io.mq.protocol.body.ConsumeType;
import io.mq.protocol.body.ConsumerData;
import io.mq.protocol.body.HeartbeatData;
import io.mq.protocol.body.MessageModel;
import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The official admin client (what mqadmin runs on; 4.9.7 or 5.2.0 as the module) administers our broker. */
class AdminExtInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final InetSocketAddress BORN_HOST = new InetSocketAddress("127.0.0.1", 40000);

    /** One broker per test: several tests create "orders" with their own queue counts. */
    @RegisterExtension
    final CompatBroker mq = CompatBroker.create();

    private final NettyRemotingClient consumerConnection = new NettyRemotingClient();
    private DefaultMQAdminExt admin;
    private EmbeddedBroker embedded;

    @BeforeEach
    void start() {
        admin = mq.admin();
        embedded = mq.broker();
    }

    @AfterEach
    void closeConnection() {
        consumerConnection.close();
    }

    @Test
    void topicCreatedOnOurBrokerIsRoutedWithEightQueues() throws Exception {
        admin.createAndUpdateTopicConfig(embedded.brokerAddress(), new TopicConfig("orders", 8, 8, 6));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(admin.examineTopicRouteInfo("orders").getQueueDatas()).singleElement().satisfies(q -> {
                    assertThat(q.getBrokerName()).isEqualTo("broker-a");
                    assertThat(q.getReadQueueNums()).isEqualTo(8);
                    assertThat(q.getWriteQueueNums()).isEqualTo(8);
                }));
    }

    @Test
    void clusterInfoListsOurBroker() {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            var cluster = admin.examineBrokerClusterInfo();
            assertThat(cluster.getClusterAddrTable().get("DefaultCluster")).contains("broker-a");
            assertThat(cluster.getBrokerAddrTable().get("broker-a").getBrokerAddrs())
                    .containsEntry(0L, embedded.brokerAddress());
        });
    }

    @Test
    void runtimeStatsCarryTheFiguresClusterListParses() throws Exception {
        var table = admin.fetchBrokerRuntimeStats(embedded.brokerAddress()).getTable();

        assertThat(table.get("brokerVersionDesc")).isEqualTo("V4_9_7");
        assertThat(Double.parseDouble(table.get("putTps").split(" ")[0])).isGreaterThanOrEqualTo(0);
        assertThat(Double.parseDouble(table.get(OfficialClient.transferredTpsKey()).split(" ")[0]))
                .isGreaterThanOrEqualTo(0);
        assertThat(Long.parseLong(table.get("msgPutTotalTodayNow")))
                .isGreaterThanOrEqualTo(Long.parseLong(table.get("msgPutTotalTodayMorning")));
        assertThat(Long.parseLong(table.get("earliestMessageTimeStamp"))).isNotNull();
        assertThat(Double.parseDouble(table.get("commitLogDiskRatio"))).isLessThanOrEqualTo(1.0);
        OfficialClient.assertVersionOnlyRuntimeFigures(table);
    }

    @Test
    void brokerConfigReadsAsProperties() throws Exception {
        var properties = admin.getBrokerConfig(embedded.brokerAddress());

        assertThat(properties.getProperty("brokerName")).isEqualTo("broker-a");
        assertThat(properties.getProperty("brokerClusterName")).isEqualTo("DefaultCluster");
    }

    @Test
    void topicStatsShowTheStoredMessages() throws Exception {
        admin.createAndUpdateTopicConfig(embedded.brokerAddress(), new TopicConfig("orders", 8, 8, 6));
        append("orders", 0, "a");
        append("orders", 0, "b");
        await().atMost(WAIT).until(() -> embedded.broker().runtime().store().maxOffset("orders", 0) == 2);

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            var stats = admin.examineTopicStats("orders").getOffsetTable();
            assertThat(stats).hasSize(8);
            assertThat(stats.get(new MessageQueue("orders", "broker-a", 0)).getMaxOffset()).isEqualTo(2);
        });
    }

    @Test
    void consumeStatsAndConnectionsOfAnOnlineGroup() throws Exception {
        admin.createAndUpdateTopicConfig(embedded.brokerAddress(), new TopicConfig("orders", 2, 2, 6));
        append("orders", 0, "a");
        append("orders", 0, "b");
        append("orders", 0, "c");
        var runtime = embedded.broker().runtime();
        await().atMost(WAIT).until(() -> runtime.store().maxOffset("orders", 0) == 3);
        heartbeat("billing", "orders");
        runtime.offsets().commit("billing", "orders", 0, 1);

        // The admin client finds the group's brokers through the route of its retry topic, which the heartbeat made.
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            var stats = admin.examineConsumeStats("billing");
            var queue0 = stats.getOffsetTable().get(new MessageQueue("orders", "broker-a", 0));
            assertThat(queue0.getBrokerOffset()).isEqualTo(3);
            assertThat(queue0.getConsumerOffset()).isEqualTo(1);
            assertThat(stats.computeTotalDiff()).isEqualTo(2);
        });
        var connection = admin.examineConsumerConnectionInfo("billing");
        assertThat(connection.getConnectionSet()).singleElement()
                .satisfies(c -> assertThat(c.getClientId()).isEqualTo("billing-client"));
        assertThat(connection.getSubscriptionTable().get("orders").getSubString()).isEqualTo("*");
    }

    private void heartbeat(String group, String topic) {
        var consumer = new ConsumerData(group, ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                Set.of(new SubscriptionData(false, topic, "*", Set.of(), Set.of(), 1, SubscriptionData.TAG)), false);
        var request = RemotingCommand.request(RequestCode.HEART_BEAT, null)
                .body(new HeartbeatData(group + "-client", Set.of(), Set.of(consumer)).encode());
        var response = consumerConnection.invokeSync(embedded.brokerAddress(), request, 5_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
    }

    private void append(String topic, int queueId, String body) {
        var result = embedded.broker().runtime().store()
                .append(MessageDraft.of(topic, queueId, body.getBytes(StandardCharsets.UTF_8), Map.of(), BORN_HOST))
                .join();
        assertThat(result.isOk()).isTrue();
    }
}
