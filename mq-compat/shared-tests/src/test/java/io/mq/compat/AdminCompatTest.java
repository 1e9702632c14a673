package io.mq.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The official admin client creates a topic on our broker and sees it routed by our name server. */
class AdminCompatTest {

    @RegisterExtension
    static final CompatBroker mq = CompatBroker.create();

    @Test
    void createdTopicIsRoutedWithItsEightQueues() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("admin"), 8);

        var route = mq.admin().examineTopicRouteInfo(topic);

        assertThat(route.getQueueDatas()).singleElement().satisfies(queues -> {
            assertThat(queues.getBrokerName()).isEqualTo("broker-a");
            assertThat(queues.getReadQueueNums()).isEqualTo(8);
            assertThat(queues.getWriteQueueNums()).isEqualTo(8);
            assertThat(queues.getPerm()).isEqualTo(6);
        });
        assertThat(route.getBrokerDatas()).singleElement()
                .satisfies(broker -> assertThat(broker.getBrokerAddrs()).containsValue(mq.brokerAddress()));
    }

    @Test
    void clusterListShowsOurBroker() throws Exception {
        var cluster = mq.admin().examineBrokerClusterInfo();

        assertThat(cluster.getClusterAddrTable()).containsKey("DefaultCluster");
        assertThat(cluster.getClusterAddrTable().get("DefaultCluster")).contains("broker-a");
        assertThat(cluster.getBrokerAddrTable().get("broker-a").getBrokerAddrs())
                .containsEntry(0L, mq.brokerAddress());
    }

    @Test
    void publishedQueuesMatchTheTopicAsTheClientSeesIt() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("queues"), 8);

        var queues = mq.producer().fetchPublishMessageQueues(topic);

        assertThat(queues).hasSize(8).allSatisfy(q -> assertThat(q.getBrokerName()).isEqualTo("broker-a"));
    }
}
