package io.mq.broker.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.protocol.body.ClusterInfo;
import io.mq.protocol.body.DataVersion;
import io.mq.protocol.body.KVTable;
import io.mq.protocol.body.RegisterBrokerBody;
import io.mq.protocol.body.TopicConfig;
import io.mq.protocol.body.TopicConfigSerializeWrapper;
import io.mq.protocol.body.TopicList;
import io.mq.protocol.body.TopicRouteData;
import io.mq.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.mq.protocol.header.GetKVConfigRequestHeader;
import io.mq.protocol.header.GetKVConfigResponseHeader;
import io.mq.protocol.header.GetKVListByNamespaceRequestHeader;
import io.mq.protocol.header.GetRouteInfoRequestHeader;
import io.mq.protocol.header.PutKVConfigRequestHeader;
import io.mq.protocol.header.QueryDataVersionRequestHeader;
import io.mq.protocol.header.QueryDataVersionResponseHeader;
import io.mq.protocol.header.RegisterBrokerRequestHeader;
import io.mq.protocol.header.WipeWritePermOfBrokerRequestHeader;
import io.mq.protocol.header.WipeWritePermOfBrokerResponseHeader;
import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The name server over real TCP on loopback, driven with our own remoting client. */
class NameServerTest {

    private static final String BROKER_ADDR = "127.0.0.1:10911";

    @TempDir
    Path dir;

    private NameServer nameServer;
    private NettyRemotingClient client;
    private String address;

    @BeforeEach
    void start() {
        // A long expiry: in these tests only an explicit event removes a broker.
        startNameServer(Duration.ofSeconds(60));
        client = new NettyRemotingClient();
    }

    private void startNameServer(Duration brokerExpiry) {
        var config = NameServerConfig.defaults().withPort(0)
                .withBrokerExpiry(brokerExpiry, Duration.ofMillis(100))
                .withKvConfigPath(dir.resolve("kvConfig.json"));
        nameServer = new NameServer(config);
        nameServer.start();
        address = nameServer.localAddress();
    }

    @AfterEach
    void stop() {
        client.close();
        nameServer.close();
    }

    @Test
    void registeredBrokerIsInTheRouteClusterInfoAndTopicList() {
        assertThat(register(client, wrapper(1, TopicConfig.of("orders", 8, 4)), false).code()).isEqualTo(ResponseCode.SUCCESS);

        var route = TopicRouteData.decode(call(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("orders", null)).body());
        assertThat(route.queueDatas()).singleElement().satisfies(q -> {
            assertThat(q.brokerName()).isEqualTo("broker-a");
            assertThat(q.readQueueNums()).isEqualTo(8);
            assertThat(q.writeQueueNums()).isEqualTo(4);
        });
        assertThat(route.brokerDatas()).singleElement().satisfies(b -> assertThat(b.masterAddr()).isEqualTo(BROKER_ADDR));

        var cluster = ClusterInfo.decode(call(RequestCode.GET_BROKER_CLUSTER_INFO, null).body());
        assertThat(cluster.addressesOfCluster("DefaultCluster")).containsExactly(BROKER_ADDR);
        var topics = TopicList.decode(call(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null).body());
        assertThat(topics.topicList()).containsExactly("orders");
    }

    @Test
    void unknownTopicIsTopicNotExistWithRocketMqsRemark() {
        var response = call(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("nope", null));

        assertThat(response.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(response.remark()).startsWith("No topic route info in name server for the topic: nope");
    }

    @Test
    void oldClientsGetFastjsonKeysAndNewOnesStrictJson() {
        register(client, wrapper(1, TopicConfig.of("t", 4, 4)), false);

        var old = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("t", null)).version(300);
        var asking = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("t", true)).version(300);

        assertThat(text(client.invokeSync(address, old, 3000))).contains("{0:\"127.0.0.1:10911\"}");
        assertThat(text(client.invokeSync(address, asking, 3000))).contains("{\"0\":\"127.0.0.1:10911\"}");
    }

    @Test
    void compressedRegisterBodyIsUnderstood() {
        register(client, wrapper(1, TopicConfig.of("zipped", 2, 2)), true);

        var route = TopicRouteData.decode(call(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("zipped", null)).body());
        assertThat(route.queueDatas()).singleElement().satisfies(q -> assertThat(q.readQueueNums()).isEqualTo(2));
    }

    @Test
    void bodyWithWrongChecksumIsRefused() {
        var body = new RegisterBrokerBody(wrapper(1), List.of()).encode(false);
        var request = RemotingCommand.request(RequestCode.REGISTER_BROKER, header(false, crc32(body) ^ 1)).body(body);

        var response = client.invokeSync(address, request, 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("crc32 not match");
    }

    @Test
    void missingHeaderFieldIsAnsweredWithItsName() {
        var response = client.invokeSync(address, RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, null), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("topic");
    }

    @Test
    void brokerNotHeardFromWithinExpiryDisappears() {
        nameServer.close();
        startNameServer(Duration.ofMillis(800));
        register(client, wrapper(1, TopicConfig.of("orders", 4, 4)), false);
        assertThat(nameServer.registry().route("orders")).isPresent();

        await().atMost(Duration.ofSeconds(5)).until(() -> nameServer.registry().route("orders").isEmpty());
        // The expired broker's connection (the one it registered on) is closed by the name server: ask on another.
        try (var other = new NettyRemotingClient()) {
            var answer = other.invokeSync(address, RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
                    new GetRouteInfoRequestHeader("orders", null)), 3000);
            assertThat(answer.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        }
    }

    @Test
    void brokerWhoseConnectionClosesIsDropped() {
        var brokerSide = new NettyRemotingClient();
        register(brokerSide, wrapper(1, TopicConfig.of("orders", 4, 4)), false);
        assertThat(nameServer.registry().liveBrokerAddrs()).containsExactly(BROKER_ADDR);

        brokerSide.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> nameServer.registry().liveBrokerAddrs().isEmpty());
        assertThat(nameServer.registry().route("orders")).isEmpty();
    }

    @Test
    void queryDataVersionTellsWhetherTopicsChanged() {
        register(client, wrapper(7), false);
        var header = new QueryDataVersionRequestHeader("broker-a", BROKER_ADDR, "DefaultCluster", 0);

        var same = client.invokeSync(address, RemotingCommand.request(RequestCode.QUERY_DATA_VERSION, header)
                .body(new DataVersion(0, 1, 7).encode()), 3000);
        var other = client.invokeSync(address, RemotingCommand.request(RequestCode.QUERY_DATA_VERSION, header)
                .body(new DataVersion(0, 1, 8).encode()), 3000);

        assertThat(QueryDataVersionResponseHeader.from(same).changed()).isFalse();
        assertThat(DataVersion.decode(same.body())).isEqualTo(new DataVersion(0, 1, 7));
        assertThat(QueryDataVersionResponseHeader.from(other).changed()).isTrue();
    }

    @Test
    void kvConfigIsStoredListedAndPersisted() {
        call(RequestCode.PUT_KV_CONFIG, new PutKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "orders", "broker-a:4"));

        var got = call(RequestCode.GET_KV_CONFIG, new GetKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "orders"));
        assertThat(GetKVConfigResponseHeader.from(got).value()).isEqualTo("broker-a:4");
        var list = call(RequestCode.GET_KVLIST_BY_NAMESPACE, new GetKVListByNamespaceRequestHeader("ORDER_TOPIC_CONFIG"));
        assertThat(KVTable.decode(list.body()).table()).isEqualTo(Map.of("orders", "broker-a:4"));
        assertThat(call(RequestCode.GET_KV_CONFIG, new GetKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "x")).code())
                .isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(new KvConfigStore(dir.resolve("kvConfig.json")).get("ORDER_TOPIC_CONFIG", "orders")).contains("broker-a:4");
        // A registering broker gets the order-topic table back.
        assertThat(KVTable.decode(register(client, wrapper(1), false).body()).table()).containsKey("orders");
    }

    @Test
    void adminCallsChangeRoutes() {
        register(client, wrapper(1, TopicConfig.of("a", 4, 4), TopicConfig.of("b", 4, 4)), false);

        var wiped = call(RequestCode.WIPE_WRITE_PERM_OF_BROKER, new WipeWritePermOfBrokerRequestHeader("broker-a"));
        assertThat(WipeWritePermOfBrokerResponseHeader.from(wiped).wipeTopicCount()).isEqualTo(2);
        call(RequestCode.DELETE_TOPIC_IN_NAMESRV, new DeleteTopicFromNamesrvRequestHeader("a", null));

        assertThat(TopicList.decode(call(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null).body()).topicList()).containsExactly("b");
        assertThat(TopicRouteData.decode(call(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("b", null)).body())
                .queueDatas().get(0).perm()).isEqualTo(4);
    }

    private RemotingCommand register(NettyRemotingClient via, TopicConfigSerializeWrapper topics, boolean compress) {
        var body = new RegisterBrokerBody(topics, List.of()).encode(compress);
        var request = RemotingCommand.request(RequestCode.REGISTER_BROKER, header(compress, crc32(body))).body(body);
        var response = via.invokeSync(address, request, 3000);
        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS);
        return response;
    }

    private static RegisterBrokerRequestHeader header(boolean compressed, int crc) {
        return new RegisterBrokerRequestHeader("broker-a", BROKER_ADDR, "DefaultCluster", "127.0.0.1:10912", 0,
                null, null, compressed, crc);
    }

    private RemotingCommand call(int code, CommandHeader header) {
        return client.invokeSync(address, RemotingCommand.request(code, header), 3000);
    }

    private static TopicConfigSerializeWrapper wrapper(long version, TopicConfig... topics) {
        return TopicConfigSerializeWrapper.of(List.of(topics), new DataVersion(0, 1, version));
    }

    private static String text(RemotingCommand response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static int crc32(byte[] body) {
        var crc = new CRC32();
        crc.update(body);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}
