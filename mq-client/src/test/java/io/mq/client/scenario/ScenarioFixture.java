package io.mq.client.scenario;

import static org.awaitility.Awaitility.await;

import io.mq.client.ClientConfig;
import io.mq.client.MessageView;
import io.mq.client.PullStatus;
import io.mq.client.admin.MqAdmin;
import io.mq.client.consumer.ConsumeFrom;
import io.mq.client.consumer.ConsumerConfig;
import io.mq.client.producer.MqProducer;
import io.mq.client.producer.ProducerConfig;
import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.header.PullMessageRequestHeader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One broker under test (owned: closed with the fixture) with a producer and an admin of our client, shared by a test class, plus what every
 * scenario needs: topics and groups no other test uses, reading a queue back, the depth of a queue.
 */
final class ScenarioFixture implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    final BrokerUnderTest broker;
    final MqProducer producer;
    final MqAdmin admin;
    private final Path dir;

    private ScenarioFixture(BrokerUnderTest broker, Path dir) {
        this.broker = broker;
        this.dir = dir;
        this.producer = MqProducer.start(broker.clientConfig("producer"), ProducerConfig.of("scenario-producers"));
        this.admin = MqAdmin.start(broker.clientConfig("admin"));
    }

    static ScenarioFixture on(BrokerUnderTest broker, Path dir) {
        return new ScenarioFixture(broker, dir);
    }

    /** A name no other test of this run uses. */
    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() & 0xffffff, 36);
    }

    ClientConfig client(String instanceName) {
        return broker.clientConfig(unique(instanceName));
    }

    /** Creates a topic on the broker and waits until the name server routes it with every queue. */
    String topic(String prefix, int queues) {
        var topic = unique(prefix);
        admin.createTopic(broker.brokerAddress(), topic, queues, MqAdmin.READ_WRITE);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> admin.client().refreshRoute(topic).map(r -> r.subscribeQueues().size()).orElse(0) == queues);
        return topic;
    }

    /** Test settings: a new group from the first offset, quick rebalances, commits and long polls. */
    ConsumerConfig.Builder group(String prefix) {
        return ConsumerConfig.builder(unique(prefix))
                .consumeFrom(ConsumeFrom.FIRST_OFFSET)
                .rebalanceInterval(Duration.ofSeconds(1))
                .persistInterval(Duration.ofMillis(200))
                .offsetStoreDir(dir.resolve("offsets"))
                .longPolling(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** Pulls one queue from offset 0 (all tags) until {@code expected} messages came, within 30 s. */
    List<MessageView> pullAll(String topic, int queueId, int expected) {
        var api = admin.client().brokerApi();
        var found = new ArrayList<MessageView>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var header = new PullMessageRequestHeader("scenario-reader", topic, queueId, found.size(), 32,
                    PullMessageRequestHeader.FLAG_SUBSCRIPTION, 0, 0, "*", 0, SubscriptionData.TAG, null, null, null,
                    null);
            var result = api.pullAsync(broker.brokerAddress(), broker.brokerName(), header, 5000).join();
            if (result.status() == PullStatus.FOUND) {
                found.addAll(result.messages());
            }
            return found.size() >= expected;
        });
        return found;
    }

    /** The broker's max offset of a queue (0 for a topic it does not have). */
    long maxOffset(String topic, int queueId) {
        return admin.client().brokerApi().maxOffset(broker.brokerAddress(), topic, queueId, 3000);
    }

    @Override
    public void close() {
        try {
            admin.close();
            producer.close();
        } finally {
            broker.close();
        }
    }
}
