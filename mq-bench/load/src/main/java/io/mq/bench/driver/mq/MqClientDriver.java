package io.mq.bench.driver.mq;

import io.mq.bench.driver.BenchConsumer;
import io.mq.bench.driver.BenchProducer;
import io.mq.bench.driver.ConsumerSettings;
import io.mq.bench.driver.Driver;
import io.mq.bench.driver.MessageListener;
import io.mq.bench.driver.ProducerSettings;
import io.mq.client.ClientConfig;
import io.mq.client.MqClientException;
import io.mq.client.admin.MqAdmin;
import io.mq.client.consumer.ConsumeFrom;
import io.mq.client.consumer.ConsumeResult;
import io.mq.client.consumer.ConsumerConfig;
import io.mq.client.consumer.MqPushConsumer;
import io.mq.client.producer.MqProducer;
import io.mq.client.producer.ProducerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Drives our own client ({@code mq-client}) with its defaults, as {@code rocketmq4} drives the official one. */
public final class MqClientDriver implements Driver {

    public static final String NAME = "mq";
    private static final Duration ROUTE_POLL = Duration.ofMillis(200);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void createTopic(String namesrv, String topic, int queues, Duration timeout) {
        try (var admin = MqAdmin.start(ClientConfig.of(namesrv).withInstanceName("bench-admin-" + System.nanoTime()))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            RuntimeException last = null;
            while (System.nanoTime() - deadline < 0) {
                try {
                    for (var master : masters(admin)) {
                        admin.createTopic(master, topic, queues, MqAdmin.READ_WRITE);
                    }
                    if (admin.route(topic).publishQueues().size() >= queues) {
                        return;
                    }
                } catch (MqClientException e) {
                    last = new IllegalStateException("topic " + topic + " not created and routed yet: "
                            + e.getMessage(), e);
                }
                LockSupport.parkNanos(ROUTE_POLL.toNanos());
            }
            throw last != null ? last : new IllegalStateException("topic " + topic + " not routed within " + timeout);
        }
    }

    /** Every master the name server knows, of every cluster. */
    private static List<String> masters(MqAdmin admin) {
        return admin.clusterInfo().brokerAddrTable().values().stream()
                .map(broker -> broker.brokerAddrs().get(0L))
                .filter(address -> address != null)
                .toList();
    }

    @Override
    public BenchProducer producer(ProducerSettings settings) {
        var client = ClientConfig.of(settings.namesrv()).withInstanceName(settings.instanceName());
        return new MqClientProducer(MqProducer.start(client, ProducerConfig.of(settings.group())));
    }

    @Override
    public BenchConsumer consumer(ConsumerSettings settings, MessageListener listener) {
        var client = ClientConfig.of(settings.namesrv()).withInstanceName(settings.instanceName());
        var config = ConsumerConfig.builder(settings.group())
                .consumeFrom(ConsumeFrom.FIRST_OFFSET)
                .consumeThreads(settings.threads())
                .build();
        var consumer = MqPushConsumer.builder(client, config)
                .subscribe(settings.topic(), "*")
                .listener((messages, context) -> {
                    for (var message : messages) {
                        listener.onMessage(message.body());
                    }
                    return ConsumeResult.CONSUME_SUCCESS;
                })
                .start();
        return consumer::close;
    }
}
