package io.mq.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamesrvBodiesTest {

    private static final BrokerData BROKER = new BrokerData("DefaultCluster", "broker-a",
            Map.of(0L, "127.0.0.1:10911", 1L, "127.0.0.1:10921"));

    @Test
    void routeDataWritesBrokerIdsUnquotedAsFastjsonDoes() {
        var route = new TopicRouteData(null, List.of(new QueueData("broker-a", 4, 4, 6, 0)), List.of(BROKER), null);

        var text = new String(route.encode(false), StandardCharsets.UTF_8);

        assertThat(text).contains("\"brokerAddrs\":{0:\"127.0.0.1:10911\",1:\"127.0.0.1:10921\"}")
                .contains("\"filterServerTable\":{}")
                .contains("\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"readQueueNums\":4,"
                        + "\"topicSysFlag\":0,\"writeQueueNums\":4}]")
                .doesNotContain("orderTopicConf");
        assertThat(TopicRouteData.decode(route.encode(false))).isEqualTo(route);
    }

    @Test
    void routeDataInStandardJsonQuotesBrokerIds() {
        var route = new TopicRouteData("broker-a:4", List.of(), List.of(BROKER), Map.of("127.0.0.1:10911", List.of("f:1")));

        var text = new String(route.encode(true), StandardCharsets.UTF_8);

        assertThat(text).contains("\"brokerAddrs\":{\"0\":\"127.0.0.1:10911\",\"1\":\"127.0.0.1:10921\"}");
        assertThat(TopicRouteData.decode(route.encode(true))).isEqualTo(route);
    }

    @Test
    void clusterInfoRoundTripsAndListsAddressesOfACluster() {
        var info = new ClusterInfo(Map.of("broker-a", BROKER), Map.of("DefaultCluster", Set.of("broker-a")));

        var decoded = ClusterInfo.decode(info.encode());

        assertThat(decoded).isEqualTo(info);
        assertThat(decoded.addressesOfCluster("DefaultCluster")).containsExactlyInAnyOrder("127.0.0.1:10911", "127.0.0.1:10921");
        assertThat(Json.write(info)).contains("\"clusterAddrTable\":{\"DefaultCluster\":[\"broker-a\"]}");
    }

    @Test
    void topicConfigWrapperRoundTripsWithDataVersion() {
        var topic = new TopicConfig("orders", 8, 4, PermName.READ_WRITE, TopicFilterType.MULTI_TAG, 1, true,
                Map.of("+message.type", "FIFO"));
        var wrapper = TopicConfigSerializeWrapper.of(List.of(topic), new DataVersion(0, 1234, 7));

        var text = new String(wrapper.encode(), StandardCharsets.UTF_8);

        assertThat(text).contains("\"dataVersion\":{\"counter\":7,\"stateVersion\":0,\"timestamp\":1234}")
                .contains("\"topicFilterType\":\"MULTI_TAG\"");
        assertThat(TopicConfigSerializeWrapper.decode(wrapper.encode())).isEqualTo(wrapper);
    }

    @Test
    void readsA4xTopicConfigWithoutAttributesOrStateVersion() {
        var json = "{\"dataVersion\":{\"counter\":3,\"timestamp\":99},\"topicConfigTable\":{\"t\":{\"order\":false,"
                + "\"perm\":6,\"readQueueNums\":4,\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"t\","
                + "\"topicSysFlag\":0,\"writeQueueNums\":4}}}";

        var wrapper = TopicConfigSerializeWrapper.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(wrapper.dataVersion()).isEqualTo(new DataVersion(0, 99, 3));
        assertThat(wrapper.topicConfigTable().get("t")).isEqualTo(TopicConfig.of("t", 4, 4));
    }

    @Test
    void registerBodyRoundTripsPlainAndCompressed() {
        var wrapper = TopicConfigSerializeWrapper.of(List.of(TopicConfig.of("a", 4, 4),
                new TopicConfig("b", 2, 2, PermName.PERM_READ, TopicFilterType.SINGLE_TAG, 0, false, Map.of("k", "v"))),
                new DataVersion(0, 5, 1));
        var body = new RegisterBrokerBody(wrapper, List.of("127.0.0.1:8000"));

        assertThat(RegisterBrokerBody.decode(body.encode(false), false)).isEqualTo(body);
        var compressed = body.encode(true);
        assertThat(compressed[0]).isEqualTo((byte) 0x78); // a zlib stream
        assertThat(RegisterBrokerBody.decode(compressed, true)).isEqualTo(body);
    }

    @Test
    void malformedRegisterBodyIsRejected() {
        assertThatThrownBy(() -> RegisterBrokerBody.decode(new byte[] {1, 2, 3}, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegisterBrokerBody.decode("{".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compactTopicFormIsWhatRocketMqWrites() {
        var topic = new TopicConfig("t", 8, 4, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of("a", "1"));

        assertThat(topic.encodeCompact()).isEqualTo("t 8 4 6 SINGLE_TAG {\"a\":\"1\"}");
        assertThat(TopicConfig.decodeCompact(topic.encodeCompact())).isEqualTo(topic);
        assertThat(TopicConfig.decodeCompact("t 8 4 6 SINGLE_TAG")).isEqualTo(TopicConfig.of("t", 8, 4));
    }

    @Test
    void topicListAndKvTableRoundTrip() {
        var topics = new TopicList(Set.of("a", "b"), "127.0.0.1:10911");
        var kv = new KVTable(Map.of("k", "v"));

        assertThat(TopicList.decode(topics.encode())).isEqualTo(topics);
        assertThat(Json.write(TopicList.of(Set.of("x")))).isEqualTo("{\"topicList\":[\"x\"]}");
        assertThat(KVTable.decode(kv.encode())).isEqualTo(kv);
    }
}
