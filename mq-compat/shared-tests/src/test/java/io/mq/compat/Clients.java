package io.mq.compat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Official RocketMQ clients pointed at one name server, each with a unique group and instance name, all shut down
 * by {@link #close()}. Settings are tuned for tests: no VIP channel, one-second route polls, heartbeats and offset
 * commits.
 */
public final class Clients implements AutoCloseable {

    static {
        ClientLogging.quiet();
    }

    /** Long enough for a route poll, a rebalance and a pull round trip on a slow CI machine. */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String nameServer;
    private final Deque<Runnable> shutdowns = new ConcurrentLinkedDeque<>();
    private DefaultMQAdminExt admin;

    public Clients(String nameServer) {
        this.nameServer = nameServer;
    }

    /** A name no other test in this JVM uses (topics, groups, instance names). */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String nameServer() {
        return nameServer;
    }

    /** A started producer of a fresh group. */
    public DefaultMQProducer producer() {
        var producer = new DefaultMQProducer(unique("producer"));
        configure(producer);
        producer.setSendMsgTimeout(10_000);
        shutdowns.push(producer::shutdown);
        try {
            producer.start();
        } catch (Exception e) {
            throw new IllegalStateException("producer did not start", e);
        }
        return producer;
    }

    /**
     * A started clustering push consumer that reads {@code topic} from the first offset when its group has none,
     * filtered by {@code expression}, delivering into {@code sink}.
     */
    public DefaultMQPushConsumer pushConsumer(String group, String topic, String expression, Received sink) {
        return pushConsumer(group, topic, expression, sink, consumer -> { });
    }

    /**
     * A started push consumer of {@code topic} filtered by {@code expression}, from the first offset when its group
     * has none; {@code tune} adjusts it (batch size, retries, message model) before it starts.
     */
    public DefaultMQPushConsumer pushConsumer(String group, String topic, String expression,
            MessageListenerConcurrently listener, Consumer<DefaultMQPushConsumer> tune) {
        var consumer = newPushConsumer(group);
        try {
            consumer.subscribe(topic, expression);
        } catch (Exception e) {
            throw new IllegalStateException("subscribe " + topic + " " + expression, e);
        }
        consumer.registerMessageListener(listener);
        tune.accept(consumer);
        try {
            consumer.start();
        } catch (Exception e) {
            throw new IllegalStateException("push consumer " + group + " did not start", e);
        }
        return consumer;
    }

    /**
     * A push consumer of {@code group}, configured (clustering, from the first offset when the group has none,
     * offsets committed every second) but not started: the caller subscribes, registers a listener and starts it.
     * It is shut down by {@link #close()} all the same.
     */
    public DefaultMQPushConsumer newPushConsumer(String group) {
        var consumer = new DefaultMQPushConsumer(group);
        configure(consumer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPersistConsumerOffsetInterval(1_000);
        shutdowns.push(consumer::shutdown);
        return consumer;
    }

    /** The official admin client, started on first use. */
    public synchronized DefaultMQAdminExt admin() {
        if (admin == null) {
            var created = new DefaultMQAdminExt();
            configure(created);
            created.setAdminExtGroup(unique("admin"));
            shutdowns.push(created::shutdown);
            try {
                created.start();
            } catch (Exception e) {
                throw new IllegalStateException("admin client did not start", e);
            }
            admin = created;
        }
        return admin;
    }

    /**
     * Creates a topic on {@code brokerAddress} through the official admin client (UPDATE_AND_CREATE_TOPIC), read
     * and write queues alike, and waits until the name server routes it.
     */
    public String createTopic(String brokerAddress, String topic, int queues) {
        try {
            admin().createAndUpdateTopicConfig(brokerAddress, new TopicConfig(topic, queues, queues, 6));
        } catch (Exception e) {
            throw new IllegalStateException("UPDATE_AND_CREATE_TOPIC " + topic + " at " + brokerAddress, e);
        }
        awaitRoute(topic);
        return topic;
    }

    /** Waits until the name server answers a route with queues for {@code topic}. */
    public void awaitRoute(String topic) {
        await("route of " + topic).atMost(DELIVERY_TIMEOUT).ignoreExceptions()
                .until(() -> !admin().examineTopicRouteInfo(topic).getQueueDatas().isEmpty());
    }

    private void configure(ClientConfig client) {
        client.setNamesrvAddr(nameServer);
        client.setInstanceName(unique("compat"));
        client.setVipChannelEnabled(false);
        client.setUseTLS(false);
        client.setPollNameServerInterval(1_000);
        client.setHeartbeatBrokerInterval(1_000);
    }

    /** Shuts down every client made here, newest first; one that fails to stop does not keep the others up. */
    @Override
    public void close() {
        admin = null;
        Runnable next;
        while ((next = shutdowns.poll()) != null) {
            try {
                next.run();
            } catch (RuntimeException e) {
                System.err.println("client shutdown failed: " + e);
            }
        }
    }
}
