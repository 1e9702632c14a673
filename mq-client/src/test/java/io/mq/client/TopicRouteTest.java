package io.mq.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.body.BrokerData;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.PermName;
import io.mq.protocol.body.QueueData;
import io.mq.protocol.body.TopicRouteData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a route turns into the queues producers write and consumers read. */
class TopicRouteTest {

    private static final BrokerData A = new BrokerData("c", "broker-a", Map.of(0L, "10.0.0.1:10911", 1L, "10.0.0.2:10911"));
    private static final BrokerData B = new BrokerData("c", "broker-b", Map.of(0L, "10.0.0.3:10911"));
    private static final BrokerData C_SLAVE_ONLY = new BrokerData("c", "broker-c", Map.of(1L, "10.0.0.4:10911"));

    @Test
    void producersWriteToWritableQueuesOfMastersAndConsumersReadReadableQueues() {
        var data = new TopicRouteData(null, List.of(
                new QueueData("broker-b", 2, 2, PermName.READ_WRITE, 0),
                new QueueData("broker-a", 3, 2, PermName.PERM_READ, 0),
                new QueueData("broker-c", 1, 1, PermName.READ_WRITE, 0)), List.of(A, B, C_SLAVE_ONLY), Map.of());

        var route = new TopicRoute("T", data);

        assertThat(route.publishQueues()).containsExactly(new MessageQueue("T", "broker-b", 0),
                new MessageQueue("T", "broker-b", 1));
        assertThat(route.subscribeQueues()).extracting(q -> q.brokerName() + "/" + q.queueId())
                .containsExactly("broker-a/0", "broker-a/1", "broker-a/2", "broker-b/0", "broker-b/1", "broker-c/0");
        assertThat(route.masterAddresses()).containsExactly("10.0.0.1:10911", "10.0.0.3:10911");
    }

    @Test
    void anOrderConfigurationDecidesThePublishQueues() {
        var data = new TopicRouteData("broker-a:2;broker-b:1",
                List.of(new QueueData("broker-a", 8, 8, PermName.READ_WRITE, 0)), List.of(A, B), Map.of());

        var route = new TopicRoute("T", data);

        assertThat(route.isOrdered()).isTrue();
        assertThat(route.publishQueues()).extracting(q -> q.brokerName() + "/" + q.queueId())
                .containsExactly("broker-a/0", "broker-a/1", "broker-b/0");
    }

    @Test
    void theTemplateRouteIsLentWithAtMostTheDefaultQueueCount() {
        var template = new TopicRouteData(null, List.of(new QueueData("broker-a", 8, 8, PermName.READ_WRITE, 0)),
                List.of(A), Map.of());

        var route = TopicRoute.fromTemplate("NewTopic", template, 4);

        assertThat(route.topic()).isEqualTo("NewTopic");
        assertThat(route.publishQueues()).hasSize(4).allSatisfy(q -> assertThat(q.topic()).isEqualTo("NewTopic"));
    }

    @Test
    void theDirectoryFindsReadAddressesAndNamesOfAddresses() {
        var route = new TopicRoute("T", new TopicRouteData(null, List.of(), List.of(A, C_SLAVE_ONLY), Map.of()));
        var directory = BrokerDirectory.of(List.of(route));

        assertThat(directory.readAddress("broker-a", 1, false)).contains("10.0.0.2:10911");
        assertThat(directory.readAddress("broker-a", 5, false)).contains("10.0.0.1:10911");
        assertThat(directory.readAddress("broker-a", 5, true)).isEmpty();
        assertThat(directory.readAddress("broker-c", 0, false)).contains("10.0.0.4:10911");
        assertThat(directory.brokerNameOf("10.0.0.2:10911")).contains("broker-a");
        assertThat(directory.addresses(true)).containsExactly("10.0.0.1:10911");
        assertThat(directory.addresses(false)).hasSize(3);
    }
}
