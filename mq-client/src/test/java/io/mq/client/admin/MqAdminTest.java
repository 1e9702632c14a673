package io.mq.client.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.mq.client.Message;
import io.mq.client.MqClientException;
import io.mq.client.OurBroker;
import io.mq.client.producer.MqProducer;
import io.mq.client.producer.ProducerConfig;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.PermName;
import io.mq.protocol.body.SubscriptionGroupConfig;
import io.mq.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.mq.protocol.remoting.ResponseCode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin calls against our broker. */
class MqAdminTest {

    @TempDir
    static Path dir;
    static OurBroker broker;
    static MqAdmin admin;

    @BeforeAll
    static void start() {
        broker = OurBroker.start(dir);
        admin = MqAdmin.start(broker.clientConfig("admin-test"));
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aTopicCreatedInTheClusterGetsItsRouteAndIsListed() {
        var masters = admin.createTopicInCluster("DefaultCluster", "AdminTopic", 6, MqAdmin.READ_WRITE);

        assertThat(masters).containsExactly(broker.brokerAddress());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var route = admin.route("AdminTopic");
            assertThat(route.publishQueues()).hasSize(6);
            assertThat(route.subscribeQueues()).hasSize(6);
        });
        assertThat(admin.topics()).contains("AdminTopic");
        assertThat(admin.clusterInfo().brokerAddrTable()).containsKey("broker-a");
    }

    @Test
    void aReadOnlyTopicHasNoPublishQueues() {
        admin.createTopic(broker.brokerAddress(), "ReadOnlyTopic", 2, PermName.PERM_READ);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var route = admin.route("ReadOnlyTopic");
            assertThat(route.subscribeQueues()).hasSize(2);
            assertThat(route.publishQueues()).isEmpty();
        });
    }

    @Test
    void aDeletedTopicLosesItsRoute() {
        admin.createTopicInCluster("DefaultCluster", "DoomedTopic", 2, MqAdmin.READ_WRITE);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.topics().contains("DoomedTopic"));

        admin.deleteTopic("DefaultCluster", "DoomedTopic");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(() -> admin.route("DoomedTopic"))
                        .isInstanceOf(MqClientException.class)
                        .extracting(e -> ((MqClientException) e).responseCode())
                        .isEqualTo(ResponseCode.TOPIC_NOT_EXIST));
    }

    @Test
    void anUnknownClusterIsNamedInTheError() {
        assertThatThrownBy(() -> admin.createTopicInCluster("NoCluster", "T", 1, MqAdmin.READ_WRITE))
                .isInstanceOf(MqClientException.class)
                .hasMessageContaining("cluster NoCluster is not known")
                .hasMessageContaining("DefaultCluster");
    }

    @Test
    void viewMessageFindsASentMessageByItsOffsetId() {
        try (var producer = MqProducer.start(broker.clientConfig("admin-test"), ProducerConfig.of("admin-view"))) {
            var sent = producer.send(Message.builder("ViewTopic").tags("V").keys("view-key").body("look at me").build());

            var view = admin.viewMessage(sent.offsetMsgId());

            assertThat(view.bodyAsString()).isEqualTo("look at me");
            assertThat(view.msgId()).isEqualTo(sent.msgId());
            assertThat(view.offsetMsgId()).isEqualTo(sent.offsetMsgId());
            assertThat(view.keys()).containsExactly("view-key");
            assertThat(view.brokerName()).isEqualTo("broker-a");
        }
    }

    @Test
    void consumeStatsShowTheGroupsOffsetAndLag() {
        admin.createSubscriptionGroup(broker.brokerAddress(), SubscriptionGroupConfig.withDefaults("stats-group"));
        try (var producer = MqProducer.start(broker.clientConfig("admin-test"), ProducerConfig.of("admin-stats"))) {
            var queue = new MessageQueue("StatsTopic", "broker-a", 0);
            for (int i = 0; i < 3; i++) {
                producer.send(Message.of("StatsTopic", "s", "m" + i), queue);
            }
            producer.client().brokerApi().updateConsumerOffset(broker.brokerAddress(),
                    new UpdateConsumerOffsetRequestHeader("stats-group", "StatsTopic", 0, 1), 3000);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                var stats = admin.consumeStats("stats-group", "StatsTopic");
                var offsets = stats.offsetTable().get(queue);
                assertThat(offsets.brokerOffset()).isEqualTo(3);
                assertThat(offsets.consumerOffset()).isEqualTo(1);
                assertThat(stats.totalDiff()).isEqualTo(2);
            });
        }
    }

    @Test
    void queryByKeyFindsTheMessage() {
        try (var producer = MqProducer.start(broker.clientConfig("admin-test"), ProducerConfig.of("admin-query"))) {
            long begin = System.currentTimeMillis() - 1000;
            var sent = producer.send(Message.builder("QueryTopic").keys("order-77").body("by key").build());
            assumeServed(() -> admin.queryMessageByKey("QueryTopic", "order-77", 32, begin, Long.MAX_VALUE));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(admin.queryMessageByKey("QueryTopic", "order-77", 32, begin, Long.MAX_VALUE))
                            .extracting(v -> v.msgId()).contains(sent.msgId()));
        }
    }

    /** Skips while our broker does not serve the request yet (it answers REQUEST_CODE_NOT_SUPPORTED). */
    static void assumeServed(Runnable request) {
        try {
            request.run();
        } catch (MqClientException e) {
            assumeFalse(e.responseCode() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "our broker does not serve this request yet: " + e.getMessage());
        }
    }
}
