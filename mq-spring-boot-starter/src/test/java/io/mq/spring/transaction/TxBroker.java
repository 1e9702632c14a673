package io.mq.spring.transaction;

import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import io.mq.client.ClientConfig;
import io.mq.client.MessageView;
import io.mq.client.admin.MqAdmin;
import io.mq.client.consumer.ConcurrentContext;
import io.mq.client.consumer.ConcurrentListener;
import io.mq.client.consumer.ConsumeFrom;
import io.mq.client.consumer.ConsumeResult;
import io.mq.client.consumer.ConsumerConfig;
import io.mq.client.consumer.MqPushConsumer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Our broker in the test JVM with fast transaction checks (a half message older than 1 s is checked every second),
 * and consumers that count what they receive.
 */
final class TxBroker implements AutoCloseable {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final EmbeddedBroker embedded;
    private final MqAdmin admin;
    private final Path dir;

    private TxBroker(EmbeddedBroker embedded, Path dir) {
        this.embedded = embedded;
        this.dir = dir;
        this.admin = MqAdmin.start(clientConfig("tx-admin"));
    }

    static TxBroker start(Path dir) {
        var embedded = EmbeddedBroker.start(dir.resolve("broker"), c -> c
                .withTransactionTimeout(Duration.ofSeconds(1))
                .withTransactionCheckInterval(CHECK_INTERVAL), s -> s);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                embedded.nameServer().registry().liveBrokerAddrs().contains(embedded.brokerAddress()));
        return new TxBroker(embedded, dir);
    }

    String nameServer() {
        return embedded.nameServerAddress();
    }

    ClientConfig clientConfig(String instanceName) {
        return ClientConfig.of(nameServer()).withInstanceName(instanceName);
    }

    /** A new topic with one queue, routed by the name server. */
    String topic(String prefix) {
        var topic = prefix + "-" + NAMES.incrementAndGet();
        admin.createTopic(embedded.brokerAddress(), topic, 1, MqAdmin.READ_WRITE);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> admin.route(topic).subscribeQueues().size() == 1);
        return topic;
    }

    /** A consumer of {@code topic} from its first message, counting deliveries by message id. */
    Inbox inbox(String topic) {
        var inbox = new Inbox();
        var config = ConsumerConfig.builder("tx-inbox-" + NAMES.incrementAndGet())
                .consumeFrom(ConsumeFrom.FIRST_OFFSET)
                .rebalanceInterval(Duration.ofSeconds(1))
                .persistInterval(Duration.ofMillis(200))
                .offsetStoreDir(dir.resolve("offsets"))
                .build();
        inbox.consumer = MqPushConsumer.builder(clientConfig("inbox-" + topic), config)
                .subscribe(topic, "*").listener(inbox).start();
        return inbox;
    }

    @Override
    public void close() {
        admin.close();
        embedded.close();
    }

    /** What a consumer got: deliveries per message id (the transaction id of a transactional message). */
    static final class Inbox implements ConcurrentListener, AutoCloseable {
        final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        final Map<String, MessageView> messages = new ConcurrentHashMap<>();
        MqPushConsumer consumer;

        @Override
        public ConsumeResult consume(List<MessageView> batch, ConcurrentContext context) {
            for (var message : batch) {
                messages.put(message.msgId(), message);
                deliveries.computeIfAbsent(message.msgId(), id -> new AtomicInteger()).incrementAndGet();
            }
            return ConsumeResult.CONSUME_SUCCESS;
        }

        int count(String msgId) {
            var count = deliveries.get(msgId);
            return count == null ? 0 : count.get();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
