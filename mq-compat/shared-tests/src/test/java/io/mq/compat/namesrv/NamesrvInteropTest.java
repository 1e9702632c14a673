package io.mq.compat.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.namesrv.NameServer;
import io.mq.broker.namesrv.NameServerConfig;
import io.mq.broker.registration.BrokerIdentity;
import io.mq.broker.registration.NameServerRegistrar;
import io.mq.broker.registration.RegistrarConfig;
import io.mq.compat.OfficialClient;
import io.mq.protocol.body.DataVersion;
import io.mq.protocol.body.TopicConfig;
import io.mq.protocol.body.TopicConfigSerializeWrapper;
import io.mq.protocol.header.RegisterBrokerRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official RocketMQ admin client (4.9.7 or 5.2.0: whichever module compiles this) reads routes from our name
 * server.
 */
class NamesrvInteropTest {

    private static final String BROKER_ADDR = "127.0.0.1:10911";

    private NameServer nameServer;
    private NettyRemotingClient brokerClient;
    private NameServerRegistrar registrar;
    private DefaultMQAdminExt admin;

    @BeforeEach
    void start() throws Exception {
        nameServer = new NameServer(NameServerConfig.defaults().withPort(0));
        nameServer.start();
        brokerClient = new NettyRemotingClient();
        var topics = TopicConfigSerializeWrapper.of(List.of(TopicConfig.of("orders", 8, 4), TopicConfig.of("payments", 2, 2)),
                new DataVersion(0, System.currentTimeMillis(), 1));
        registrar = new NameServerRegistrar(brokerClient, List.of(nameServer.localAddress()),
                BrokerIdentity.master("DefaultCluster", "broker-a", BROKER_ADDR, "127.0.0.1:10912"),
                () -> topics, RegistrarConfig.defaults().withCompressBody(true));
        assertThat(registrar.registerNow().get(10, TimeUnit.SECONDS)).hasSize(1);

        admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(nameServer.localAddress());
        admin.setInstanceName("namesrv-interop-" + UUID.randomUUID());
        admin.start();
    }

    @AfterEach
    void stop() {
        if (admin != null) {
            admin.shutdown();
        }
        registrar.close();
        brokerClient.close();
        nameServer.close();
    }

    @Test
    void officialClientReadsTheRouteOfARegisteredTopic() throws Exception {
        var route = admin.examineTopicRouteInfo("orders");

        assertThat(route.getQueueDatas()).singleElement().satisfies(q -> {
            assertThat(q.getBrokerName()).isEqualTo("broker-a");
            assertThat(q.getReadQueueNums()).isEqualTo(8);
            assertThat(q.getWriteQueueNums()).isEqualTo(4);
            assertThat(q.getPerm()).isEqualTo(6);
        });
        assertThat(route.getBrokerDatas()).singleElement().satisfies(b -> {
            assertThat(b.getCluster()).isEqualTo("DefaultCluster");
            assertThat(b.getBrokerAddrs()).containsEntry(0L, BROKER_ADDR);
        });
        assertThat(route.getFilterServerTable()).isEmpty();
    }

    @Test
    void officialClientReadsClusterInfo() throws Exception {
        var info = admin.examineBrokerClusterInfo();

        assertThat(info.getClusterAddrTable()).containsOnlyKeys("DefaultCluster");
        assertThat(info.getClusterAddrTable().get("DefaultCluster")).containsExactly("broker-a");
        assertThat(info.getBrokerAddrTable().get("broker-a").getBrokerAddrs()).containsEntry(0L, BROKER_ADDR);
        assertThat(info.retrieveAllAddrByCluster("DefaultCluster")).containsExactly(BROKER_ADDR);
    }

    @Test
    void officialClientFetchesAllTopics() throws Exception {
        assertThat(admin.fetchAllTopicList().getTopicList()).containsExactlyInAnyOrder("orders", "payments");
        assertThat(admin.getTopicClusterList("orders")).containsExactly("DefaultCluster");
    }

    @Test
    void officialClientSeesTopicNotExistForAnUnknownTopic() {
        assertThatThrownBy(() -> admin.examineTopicRouteInfo("nope"))
                .isInstanceOfSatisfying(MQClientException.class, e -> assertThat(e.getResponseCode()).isEqualTo(17))
                .hasMessageContaining("No topic route info in name server for the topic: nope");
    }

    @Test
    void officialClientStoresKvConfig() throws Exception {
        admin.createAndUpdateKvConfig("ORDER_TOPIC_CONFIG", "orders", "broker-a:4");

        assertThat(admin.getKVConfig("ORDER_TOPIC_CONFIG", "orders")).isEqualTo("broker-a:4");
        assertThat(admin.getKVListByNamespace("ORDER_TOPIC_CONFIG").getTable()).containsEntry("orders", "broker-a:4");
    }

    @Test
    void officialClientWipesWritePermission() throws Exception {
        assertThat(admin.wipeWritePermOfBroker(nameServer.localAddress(), "broker-a")).isEqualTo(2);

        assertThat(admin.examineTopicRouteInfo("orders").getQueueDatas()).extracting(q -> q.getPerm()).containsExactly(4);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void registerBodyEncodedByTheOfficialClassesIsUnderstood(boolean compressed) throws Exception {
        // The body this client version's broker sends: 4.x and 5.x wrap the topic table in different classes.
        byte[] body = OfficialClient.registerBrokerBody("legacy", 3, 5, compressed);
        var crc = new CRC32();
        crc.update(body);
        var header = new RegisterBrokerRequestHeader("broker-b", "127.0.0.1:20911", "DefaultCluster",
                "127.0.0.1:20912", 0, null, null, compressed, (int) (crc.getValue() & 0x7FFFFFFF));

        var response = brokerClient.invokeSync(nameServer.localAddress(),
                RemotingCommand.request(RequestCode.REGISTER_BROKER, header).body(body), 3000);

        assertThat(response.code()).as(response.remark()).isZero();
        var route = admin.examineTopicRouteInfo("legacy");
        assertThat(route.getQueueDatas()).singleElement().satisfies(q -> {
            assertThat(q.getBrokerName()).isEqualTo("broker-b");
            assertThat(q.getReadQueueNums()).isEqualTo(3);
            assertThat(q.getWriteQueueNums()).isEqualTo(5);
        });
    }
}
