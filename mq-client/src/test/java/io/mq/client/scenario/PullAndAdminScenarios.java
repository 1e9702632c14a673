package io.mq.client.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.admin.MqAdmin;
import io.mq.client.consumer.pull.MqLitePullConsumer;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.header.UpdateConsumerOffsetRequestHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lite pull consumer on assigned queues, and administration: topics, routes, cluster, consume stats. */
abstract class PullAndAdminScenarios {

    private final ScenarioFixture fx;

    PullAndAdminScenarios(ScenarioFixture fx) {
        this.fx = fx;
    }

    @Test
    void aLitePullConsumerPollsAnAssignedQueueSeeksAndCommits() {
        var topic = fx.topic("LitePull", 2);
        for (int i = 0; i < 10; i++) {
            fx.producer.send(Message.of(topic, "t", "m" + i), new MessageQueue(topic, fx.broker.brokerName(), 1));
        }
        var config = fx.group("lite").build();
        try (var consumer = MqLitePullConsumer.start(fx.client("lite"), config, false)) {
            var queues = consumer.fetchQueues(topic);
            assertThat(queues).hasSize(2);
            var queue = new MessageQueue(topic, fx.broker.brokerName(), 1);
            consumer.assign(List.of(queue));
            assertThat(consumer.assignment()).containsExactly(queue);

            assertThat(pollUntil(consumer, 10)).extracting(MessageView::bodyAsString)
                    .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
            assertThat(consumer.committed(queue)).as("nothing committed before commit()").isEqualTo(-1);
            consumer.commit();
            assertThat(consumer.committed(queue)).isEqualTo(10);

            consumer.seek(queue, 7);
            assertThat(pollUntil(consumer, 3)).extracting(MessageView::bodyAsString)
                    .containsExactly("m7", "m8", "m9");
            assertThat(consumer.poll(Duration.ofMillis(300))).isEmpty();
        }
        // The next consumer of the group starts at the committed offset.
        fx.producer.send(Message.of(topic, "t", "m10"), new MessageQueue(topic, fx.broker.brokerName(), 1));
        try (var consumer = MqLitePullConsumer.start(fx.client("lite-next"), config, false)) {
            consumer.assign(List.of(new MessageQueue(topic, fx.broker.brokerName(), 1)));
            assertThat(pollUntil(consumer, 1)).extracting(MessageView::bodyAsString).containsExactly("m10");
        }
    }

    @Test
    void adminCreatesATopicAndReadsItsRouteTheClusterAndConsumeStats() {
        var topic = ScenarioFixture.unique("Admin");
        var masters = fx.admin.createTopicInCluster(fx.broker.clusterName(), topic, 3, MqAdmin.READ_WRITE);

        assertThat(masters).containsExactly(fx.broker.brokerAddress());
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            var route = fx.admin.client().refreshRoute(topic).orElseThrow();
            assertThat(route.publishQueues()).hasSize(3);
            assertThat(route.masterAddress(fx.broker.brokerName())).contains(fx.broker.brokerAddress());
        });
        var cluster = fx.admin.clusterInfo();
        assertThat(cluster.brokerAddrTable()).containsKey(fx.broker.brokerName());
        assertThat(cluster.brokerAddrTable().get(fx.broker.brokerName()).brokerAddrs())
                .containsEntry(0L, fx.broker.brokerAddress());
        assertThat(cluster.clusterAddrTable().get(fx.broker.clusterName())).contains(fx.broker.brokerName());
        await().atMost(Duration.ofSeconds(20)).until(() -> fx.admin.topics().contains(topic));

        var queue = new MessageQueue(topic, fx.broker.brokerName(), 0);
        for (int i = 0; i < 3; i++) {
            fx.producer.send(Message.of(topic, "t", "s" + i), queue);
        }
        var group = ScenarioFixture.unique("stats");
        fx.admin.client().brokerApi().updateConsumerOffset(fx.broker.brokerAddress(),
                new UpdateConsumerOffsetRequestHeader(group, topic, 0, 1), 3000);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            var stats = fx.admin.consumeStats(group, topic);
            assertThat(stats.offsetTable().get(queue).brokerOffset()).isEqualTo(3);
            assertThat(stats.offsetTable().get(queue).consumerOffset()).isEqualTo(1);
            assertThat(stats.totalDiff()).isEqualTo(2);
        });
    }

    private static List<MessageView> pollUntil(MqLitePullConsumer consumer, int count) {
        var all = new ArrayList<MessageView>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            all.addAll(consumer.poll(Duration.ofMillis(200)));
            return all.size() >= count;
        });
        return all;
    }
}
