package io.mq.compat.delay;

import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.topic.Perm;
import io.mq.broker.topic.TopicDefinition;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.junit.jupiter.api.Assumptions;

/**
 * An embedded broker with a chosen delay table and official clients pointed at it. Topics are created up front
 * (and their routes awaited) so a consumer rebalances onto them at once.
 */
public final class Scenario implements AutoCloseable {

    static {
        // Rebalance every second instead of every 20 s, so queues created during a test are picked up quickly.
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
    }

    private final EmbeddedBroker broker;
    private final List<Runnable> shutdowns = new ArrayList<>();

    private Scenario(EmbeddedBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts the broker; skips the test (an assumption, not a failure) while the broker does not yet serve the
     * heartbeats a push consumer needs, i.e. before the client processors are merged in.
     */
    public static Scenario start(Path dir, String delayTable) {
        var broker = EmbeddedBroker.start(dir, c -> c.withMessageDelayLevel(delayTable), s -> s);
        try (var client = new NettyRemotingClient()) {
            var answer = client.invokeSync(broker.brokerAddress(), RemotingCommand.request(RequestCode.HEART_BEAT,
                    null).body("{\"clientID\":\"probe\",\"consumerDataSet\":[],\"producerDataSet\":[]}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)), 5000);
            boolean served = answer.code() != ResponseCode.REQUEST_CODE_NOT_SUPPORTED;
            if (!served) {
                broker.close();
            }
            Assumptions.assumeTrue(served, "the broker does not serve HEART_BEAT yet: push consumers cannot join");
        }
        return new Scenario(broker);
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    /** Creates a read-write topic on the broker and waits until the name server routes it. */
    public void createTopic(String topic, int queues) {
        broker.broker().runtime().topics().createOrUpdate(TopicDefinition.of(topic, queues, Perm.READ_WRITE));
        awaitRoute(topic);
    }

    public void awaitRoute(String topic) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> broker.nameServer().registry().route(topic).isPresent());
    }

    /** Creates the group's retry topic as a heartbeat would, so its route exists before the consumer starts. */
    public void createRetryTopic(String group) {
        broker.broker().runtime().topics().createRetryTopic(group, 1);
        awaitRoute("%RETRY%" + group);
    }

    public DefaultMQProducer producer() throws MQClientException {
        var producer = new DefaultMQProducer("producer-" + UUID.randomUUID());
        producer.setNamesrvAddr(broker.nameServerAddress());
        producer.setInstanceName("p-" + UUID.randomUUID());
        producer.setPollNameServerInterval(1000);
        producer.setHeartbeatBrokerInterval(1000);
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }

    /** A push consumer of {@code topic} from its first offset; {@code tune} adjusts it before it starts. */
    public DefaultMQPushConsumer consumer(String group, String topic, MessageListenerConcurrently listener,
            Consumer<DefaultMQPushConsumer> tune) throws MQClientException {
        var consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName("c-" + UUID.randomUUID());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPollNameServerInterval(1000);
        consumer.setHeartbeatBrokerInterval(1000);
        consumer.setPersistConsumerOffsetInterval(500);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(listener);
        tune.accept(consumer);
        consumer.start();
        shutdowns.add(consumer::shutdown);
        return consumer;
    }

    @Override
    public void close() {
        for (int i = shutdowns.size() - 1; i >= 0; i--) {
            shutdowns.get(i).run();
        }
        broker.close();
    }
}
