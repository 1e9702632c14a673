package io.mq.bench.driver.rocketmq4;

import io.mq.bench.driver.BenchConsumer;
import io.mq.bench.driver.BenchProducer;
import io.mq.bench.driver.ConsumerSettings;
import io.mq.bench.driver.Driver;
import io.mq.bench.driver.MessageListener;
import io.mq.bench.driver.ProducerSettings;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.topic.TopicValidator;

/**
 * Drives the official Apache RocketMQ 4.9.7 Java client with its defaults (the ones users run), except the VIP
 * channel, which is turned off so both brokers are reached on their one listen port.
 */
public final class OfficialClientDriver implements Driver {

    public static final String NAME = "rocketmq4";
    private static final Duration ROUTE_POLL = Duration.ofMillis(200);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void createTopic(String namesrv, String topic, int queues, Duration timeout) {
        var admin = newProducer(namesrv, "bench_admin", "bench-admin-" + System.nanoTime());
        try {
            admin.start();
            long deadline = System.nanoTime() + timeout.toNanos();
            RuntimeException last = null;
            while (System.nanoTime() - deadline < 0) {
                try {
                    // Asks every master that serves TBW102 (the auto-create key) to create the topic.
                    admin.createTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, topic, queues);
                    break;
                } catch (MQClientException | RuntimeException e) {
                    last = new IllegalStateException("cannot create topic " + topic + ": " + e.getMessage(), e);
                    LockSupport.parkNanos(ROUTE_POLL.toNanos());
                }
            }
            while (System.nanoTime() - deadline < 0) {
                try {
                    if (admin.fetchPublishMessageQueues(topic).size() >= queues) {
                        return;
                    }
                } catch (MQClientException | RuntimeException e) {
                    last = new IllegalStateException("topic " + topic + " not routed yet: " + e.getMessage(), e);
                }
                LockSupport.parkNanos(ROUTE_POLL.toNanos());
            }
            throw last != null ? last : new IllegalStateException("topic " + topic + " not routed within " + timeout);
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the admin producer: " + e.getMessage(), e);
        } finally {
            admin.shutdown();
        }
    }

    @Override
    public BenchProducer producer(ProducerSettings settings) {
        var producer = newProducer(settings.namesrv(), settings.group(), settings.instanceName());
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start producer: " + e.getMessage(), e);
        }
        return new OfficialProducer(producer);
    }

    @Override
    public BenchConsumer consumer(ConsumerSettings settings, MessageListener listener) {
        var consumer = new DefaultMQPushConsumer(settings.group());
        consumer.setNamesrvAddr(settings.namesrv());
        consumer.setInstanceName(settings.instanceName());
        consumer.setVipChannelEnabled(false);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setConsumeThreadMin(settings.threads());
        consumer.setConsumeThreadMax(settings.threads());
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (var message : messages) {
                listener.onMessage(message.getBody());
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        try {
            consumer.subscribe(settings.topic(), "*");
            consumer.start();
        } catch (MQClientException e) {
            consumer.shutdown();
            throw new IllegalStateException("cannot start consumer: " + e.getMessage(), e);
        }
        return consumer::shutdown;
    }

    private static DefaultMQProducer newProducer(String namesrv, String group, String instanceName) {
        var producer = new DefaultMQProducer(group);
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName(instanceName);
        producer.setVipChannelEnabled(false);
        return producer;
    }
}
