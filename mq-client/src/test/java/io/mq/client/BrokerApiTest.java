package io.mq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mq.client.producer.MqProducer;
import io.mq.client.producer.ProducerConfig;
import io.mq.protocol.body.ConsumeFromWhere;
import io.mq.protocol.body.ConsumeType;
import io.mq.protocol.body.ConsumerData;
import io.mq.protocol.body.MessageModel;
import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.header.PullMessageRequestHeader;
import io.mq.protocol.header.QueryConsumerOffsetRequestHeader;
import io.mq.protocol.header.UpdateConsumerOffsetRequestHeader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed broker calls a consumer builds on, against our broker: pull, offsets, heartbeats, group membership. */
class BrokerApiTest {

    @TempDir
    static Path dir;
    static OurBroker broker;
    static MqProducer producer;

    @BeforeAll
    static void start() {
        broker = OurBroker.start(dir);
        producer = MqProducer.start(broker.clientConfig("api-test"), ProducerConfig.of("api-group"));
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void pullReturnsTheSentMessagesUncompressedThenNothingNew() {
        var queue = new io.mq.protocol.body.MessageQueue("PullTopic", "broker-a", 1);
        var big = "b".repeat(8 * 1024);
        producer.send(Message.of("PullTopic", "A", "first"), queue);
        producer.send(Message.of("PullTopic", "A", big), queue);
        var api = producer.client().brokerApi();
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.maxOffset("PullTopic", 1) == 2);

        var found = api.pullAsync(broker.brokerAddress(), "broker-a", pull("PullTopic", 1, 0, 0), 5000).join();

        assertThat(found.status()).isEqualTo(PullStatus.FOUND);
        assertThat(found.nextBeginOffset()).isEqualTo(2);
        assertThat(found.maxOffset()).isEqualTo(2);
        assertThat(found.messages()).extracting(MessageView::bodyAsString).containsExactly("first", big);
        assertThat(found.messages()).allSatisfy(m -> {
            assertThat(m.brokerName()).isEqualTo("broker-a");
            assertThat(m.tags()).isEqualTo("A");
            assertThat(m.msgId()).hasSize(32);
        });
        var none = api.pullAsync(broker.brokerAddress(), "broker-a", pull("PullTopic", 1, 2, 0), 5000).join();
        assertThat(none.status()).isIn(PullStatus.NO_NEW_MSG, PullStatus.OFFSET_ILLEGAL);
        assertThat(none.messages()).isEmpty();
    }

    @Test
    void queueOffsetsAndConsumerOffsetsRoundTrip() {
        var queue = new io.mq.protocol.body.MessageQueue("OffsetTopic", "broker-a", 0);
        long before = System.currentTimeMillis();
        producer.send(Message.of("OffsetTopic", "t", "x"), queue);
        producer.send(Message.of("OffsetTopic", "t", "y"), queue);
        var api = producer.client().brokerApi();
        var address = broker.brokerAddress();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.maxOffset(address, "OffsetTopic", 0, 3000) == 2);

        assertThat(api.minOffset(address, "OffsetTopic", 0, 3000)).isZero();
        assertThat(api.searchOffset(address, "OffsetTopic", 0, before - 60_000, 3000)).isZero();
        assertThat(api.queryConsumerOffset(address, new QueryConsumerOffsetRequestHeader("offset-group",
                "OffsetTopic", 0, false), 3000)).isEqualTo(-1);

        api.updateConsumerOffset(address, new UpdateConsumerOffsetRequestHeader("offset-group", "OffsetTopic", 0, 1),
                3000);
        assertThat(api.queryConsumerOffset(address, new QueryConsumerOffsetRequestHeader("offset-group",
                "OffsetTopic", 0, null), 3000)).isEqualTo(1);
        api.updateConsumerOffsetOneway(address, new UpdateConsumerOffsetRequestHeader("offset-group", "OffsetTopic",
                0, 2));
        await().atMost(Duration.ofSeconds(5)).until(() -> api.queryConsumerOffset(address,
                new QueryConsumerOffsetRequestHeader("offset-group", "OffsetTopic", 0, null), 3000) == 2);
    }

    @Test
    void aRegisteredConsumerGroupIsAnnouncedByHeartbeatAndHearsOfNewMembers() {
        producer.send(Message.of("GroupTopic", "t", "x"));
        var changes = new AtomicInteger();
        var first = ClientInstance.acquire(broker.clientConfig("member-1"));
        var second = ClientInstance.acquire(broker.clientConfig("member-2"));
        try {
            // the route brings the broker into the directory (once the broker registered the new topic)
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> first.route("GroupTopic") != null);
            second.route("GroupTopic");
            first.registerConsumer("members", hooks("GroupTopic", changes));
            first.sendHeartbeatNow();
            var api = first.brokerApi();
            assertThat(api.consumerIds(broker.brokerAddress(), "members", 3000)).containsExactly(first.clientId());

            second.registerConsumer("members", hooks("GroupTopic", new AtomicInteger()));
            second.sendHeartbeatNow();

            assertThat(api.consumerIds(broker.brokerAddress(), "members", 3000))
                    .containsExactlyInAnyOrder(first.clientId(), second.clientId());
            await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() > 0);

            second.unregisterConsumer("members");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    api.consumerIds(broker.brokerAddress(), "members", 3000).equals(java.util.List.of(first.clientId())));
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void aSecondProducerOfTheSameGroupInOneClientIsRefused() {
        assertThatThrownBy(() -> MqProducer.start(broker.clientConfig("api-test"), ProducerConfig.of("api-group")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("api-group");
    }

    static ConsumerHooks hooks(String topic, AtomicInteger changes) {
        var subscription = new SubscriptionData(false, topic, "*", Set.of(), Set.of(), System.currentTimeMillis(),
                SubscriptionData.TAG);
        var data = new ConsumerData("members", ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, Set.of(subscription), false);
        return new ConsumerHooks() {
            @Override
            public ConsumerData consumerData() {
                return data;
            }

            @Override
            public void consumerIdsChanged() {
                changes.incrementAndGet();
            }
        };
    }

    static PullMessageRequestHeader pull(String topic, int queueId, long offset, long suspendMillis) {
        int flags = PullMessageRequestHeader.FLAG_SUBSCRIPTION | (suspendMillis > 0 ? PullMessageRequestHeader.FLAG_SUSPEND : 0);
        return new PullMessageRequestHeader("pull-group", topic, queueId, offset, 32, flags, 0, suspendMillis, "*",
                0, SubscriptionData.TAG, null, null, null, null);
    }
}
