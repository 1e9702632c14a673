package io.mq.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mq.testkit.ApacheRocketMq;
import io.mq.testkit.RuntimeClasspath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the testkit's launcher: a real Apache RocketMQ 5.2.0 started from Maven Central jars in
 * forked JVMs serves the official 5.2.0 client, reports its metrics, and is gone after close.
 */
class ApacheRocketMqLauncherTest {

    private static final String TOPIC = "LauncherTopic";
    private static final int MESSAGES = 10;

    @BeforeEach
    void requireTheRuntimeClasspathOutsideCi() {
        // Under CI the file must exist (the reactor builds it first), so there a missing file fails the test instead.
        var ci = System.getenv("CI");
        assumeTrue((ci != null && !ci.isBlank()) || RuntimeClasspath.find().isPresent(),
                "Apache RocketMQ classpath file not built; run `mvn -B -o -pl mq-compat/apache-rocketmq-runtime "
                        + "generate-resources` (or build with -am) to run this test");
    }

    @Test
    void startsARealBrokerThatTheOfficialClientRoundTripsThroughThenStopsIt(@TempDir Path dir) throws Exception {
        long brokerPid;
        long namesrvPid;
        try (var rocketMq = ApacheRocketMq.start(ApacheRocketMq.Options.in(dir).withHeap("512m"))) {
            brokerPid = rocketMq.brokerPid();
            namesrvPid = rocketMq.namesrvPid();
            assertThat(rocketMq.isRunning()).isTrue();
            assertThat(rocketMq.startupDuration()).isPositive().isLessThan(Duration.ofSeconds(60));
            System.out.printf("Apache RocketMQ 5.2.0 started in %d ms%n", rocketMq.startupDuration().toMillis());

            createTopic(rocketMq);
            var received = ConcurrentHashMap.<String>newKeySet();
            var consumer = startConsumer(rocketMq.namesrvAddress(), received);
            var producer = new DefaultMQProducer("launcher-producer");
            try {
                producer.setNamesrvAddr(rocketMq.namesrvAddress());
                producer.setInstanceName("launcher-producer");
                producer.start();
                var sent = send(producer);

                await().atMost(Duration.ofSeconds(30)).untilAsserted(
                        () -> assertThat(received).containsExactlyInAnyOrderElementsOf(sent));
            } finally {
                // Clients first: shutting them down against a stopped broker waits out their request timeouts.
                producer.shutdown();
                consumer.shutdown();
            }
            assertThat(rocketMq.cpuSeconds()).isPositive();
            assertThat(rocketMq.peakRssKb()).isGreaterThan(10_000);
        }

        assertThat(alive(brokerPid)).as("broker process after close").isFalse();
        assertThat(alive(namesrvPid)).as("name server process after close").isFalse();
        assertThat(dir.resolve("broker.out")).content().contains("boot success");
    }

    private static void createTopic(ApacheRocketMq rocketMq) throws Exception {
        var admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(rocketMq.namesrvAddress());
        admin.setInstanceName("launcher-admin");
        admin.start();
        try {
            admin.createAndUpdateTopicConfig(rocketMq.brokerAddress(), new TopicConfig(TOPIC, 4, 4));
        } finally {
            admin.shutdown();
        }
    }

    private static DefaultMQPushConsumer startConsumer(String namesrvAddress, Set<String> received) throws Exception {
        var consumer = new DefaultMQPushConsumer("launcher-consumer");
        consumer.setNamesrvAddr(namesrvAddress);
        consumer.setInstanceName("launcher-consumer");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> received.add(new String(message.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    private static List<String> send(DefaultMQProducer producer) throws Exception {
        var sent = new ArrayList<String>();
        for (int i = 0; i < MESSAGES; i++) {
            var body = "message-" + i;
            var result = producer.send(new Message(TOPIC, "TagA", body.getBytes(StandardCharsets.UTF_8)));
            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            sent.add(body);
        }
        return sent;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
