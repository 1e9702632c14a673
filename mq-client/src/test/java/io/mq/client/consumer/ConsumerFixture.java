package io.mq.client.consumer;

import static org.awaitility.Awaitility.await;

import io.mq.broker.BrokerConfig;
import io.mq.client.ClientConfig;
import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.OurBroker;
import io.mq.client.admin.MqAdmin;
import io.mq.client.producer.MqProducer;
import io.mq.client.producer.ProducerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Our broker with a producer and an admin, and the bits the consumer tests share: topics, groups, a recorder. */
final class ConsumerFixture implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    final OurBroker broker;
    final MqProducer producer;
    final MqAdmin admin;
    final Path dir;

    private ConsumerFixture(OurBroker broker, Path dir) {
        this.broker = broker;
        this.dir = dir;
        this.producer = MqProducer.start(broker.clientConfig("consumer-test-producer"),
                ProducerConfig.of("consumer-test-producers"));
        this.admin = MqAdmin.start(broker.clientConfig("consumer-test-admin"));
    }

    static ConsumerFixture start(Path dir) {
        return new ConsumerFixture(OurBroker.start(dir.resolve("broker")), dir);
    }

    static ConsumerFixture start(Path dir, UnaryOperator<BrokerConfig> brokerConfig) {
        return new ConsumerFixture(OurBroker.start(dir.resolve("broker"), brokerConfig), dir);
    }

    /** A name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    /** A client of its own (its own id in the group) for one consumer. */
    ClientConfig client(String instanceName) {
        return broker.clientConfig(instanceName).withHeartbeatInterval(Duration.ofSeconds(5));
    }

    /** Creates a topic and waits until the name server routes it. */
    String topic(String prefix, int queues) {
        var topic = unique(prefix);
        admin.createTopic(broker.brokerAddress(), topic, queues, MqAdmin.READ_WRITE);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> admin.route(topic).subscribeQueues().size() == queues);
        return topic;
    }

    /** Test settings: quick rebalances and commits, offsets of broadcasting consumers under the test folder. */
    ConsumerConfig.Builder group(String prefix) {
        return ConsumerConfig.builder(unique(prefix))
                .consumeFrom(ConsumeFrom.FIRST_OFFSET)
                .rebalanceInterval(Duration.ofSeconds(1))
                .persistInterval(Duration.ofMillis(200))
                .offsetStoreDir(dir.resolve("offsets"))
                .longPolling(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    void send(String topic, int count) {
        for (int i = 0; i < count; i++) {
            producer.send(Message.of(topic, "t", "m" + i));
        }
    }

    @Override
    public void close() {
        admin.close();
        producer.close();
        broker.close();
    }

    /** Records what a listener got, by body, and answers success. */
    static final class Recorder implements ConcurrentListener {
        final List<MessageView> received = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        @Override
        public ConsumeResult consume(List<MessageView> messages, ConcurrentContext context) {
            for (var m : messages) {
                received.add(m);
                counts.computeIfAbsent(m.bodyAsString(), k -> new AtomicInteger()).incrementAndGet();
            }
            return ConsumeResult.CONSUME_SUCCESS;
        }

        List<String> bodies() {
            return received.stream().map(MessageView::bodyAsString).toList();
        }

        boolean noDuplicates() {
            return counts.values().stream().allMatch(c -> c.get() == 1);
        }
    }
}
