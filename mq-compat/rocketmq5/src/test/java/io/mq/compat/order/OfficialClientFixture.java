package io.mq.compat.order;

import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * An embedded broker plus official-client producers, push consumers and an admin client, each with its own
 * instance name (two consumers of one group in one JVM need distinct client ids); everything started here is shut
 * down by {@link #close()}. Shared by the order, broadcast, filter and lookup scenarios.
 */
public final class OfficialClientFixture implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(60);

    static {
        // Rebalance (and so orderly lock retries) every second instead of every 20 s when this class loads first.
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
    }

    private final EmbeddedBroker broker;
    private final DefaultMQAdminExt admin;
    private final List<AutoCloseable> started = new ArrayList<>();

    private OfficialClientFixture(EmbeddedBroker broker, DefaultMQAdminExt admin) {
        this.broker = broker;
        this.admin = admin;
    }

    public static OfficialClientFixture start(Path storeDir) throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", storeDir.resolve("client-offsets").toString());
        var broker = EmbeddedBroker.start(storeDir.resolve("broker"));
        var admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(broker.nameServerAddress());
        admin.setInstanceName(uniqueName("admin"));
        admin.start();
        var fixture = new OfficialClientFixture(broker, admin);
        fixture.started.add(admin::shutdown);
        return fixture;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public DefaultMQAdminExt admin() {
        return admin;
    }

    /** Creates the topic on our broker and waits until the name server routes it. */
    public void createTopic(String topic, int queues) throws Exception {
        admin.createAndUpdateTopicConfig(broker.brokerAddress(), new TopicConfig(topic, queues, queues, 6));
        await().atMost(WAIT).ignoreExceptions().until(() ->
                admin.examineTopicRouteInfo(topic).getQueueDatas().get(0).getWriteQueueNums() == queues);
    }

    public DefaultMQProducer producer(String group) throws Exception {
        var producer = new DefaultMQProducer(group);
        producer.setNamesrvAddr(broker.nameServerAddress());
        producer.setInstanceName(uniqueName("producer"));
        producer.start();
        started.add(producer::shutdown);
        return producer;
    }

    /** A push consumer from the first offset, not started: the caller subscribes and registers a listener. */
    public DefaultMQPushConsumer consumer(String group) {
        var consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName(uniqueName("consumer"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPersistConsumerOffsetInterval(1000);
        started.add(consumer::shutdown);
        return consumer;
    }

    private static String uniqueName(String role) {
        return role + "-" + UUID.randomUUID();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // keep shutting down the rest
            }
        }
        broker.close();
    }
}
