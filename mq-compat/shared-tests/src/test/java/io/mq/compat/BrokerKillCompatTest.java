package io.mq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.store.FlushDiskType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2's durability promise with the official producer: a broker in its own JVM with SYNC_FLUSH is killed
 * with SIGKILL while sends are in flight; after a restart on the same store every acknowledged message is readable.
 */
class BrokerKillCompatTest {

    private static final int SENDERS = 4;
    private static final int ACKS_BEFORE_KILL = 400;

    @TempDir
    Path storeDir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyAcknowledgedMessageIsReadableAfterTheBrokerIsKilled() throws Exception {
        var topic = Clients.unique("kill");
        var acked = ConcurrentHashMap.<String>newKeySet();
        var attempted = ConcurrentHashMap.<String>newKeySet();

        try (var forked = ForkedBroker.start(storeDir); var clients = new Clients(forked.nameServerAddress())) {
            clients.createTopic(forked.brokerAddress(), topic, 4);
            var producer = clients.producer();
            producer.setRetryTimesWhenSendFailed(0);
            producer.setSendMsgTimeout(3_000);

            var stop = new AtomicBoolean();
            var failures = new AtomicInteger();
            var senders = Executors.newFixedThreadPool(SENDERS);
            try {
                for (int t = 0; t < SENDERS; t++) {
                    int sender = t;
                    senders.submit(() -> sendUntilStopped(producer, topic, sender, stop, attempted, acked, failures));
                }
                await("acknowledged sends before the kill").atMost(Duration.ofSeconds(60))
                        .until(() -> acked.size() >= ACKS_BEFORE_KILL);

                int inFlightAtKill = attempted.size() - acked.size() - failures.get();
                int exit = forked.kill();
                stop.set(true);
                System.out.printf("killed the broker after %d acknowledged sends, %d in flight%n", acked.size(),
                        inFlightAtKill);

                assertThat(exit).as("exit code of a SIGKILLed JVM").isEqualTo(137);
            } finally {
                stop.set(true);
                senders.shutdown();
                assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).as("senders stopped").isTrue();
            }
        }
        assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        assertThat(storeDir.resolve("abort")).as("the kill left the store unclean").exists();

        try (var broker = EmbeddedBroker.start(storeDir, b -> b, s -> s.withFlushDiskType(FlushDiskType.SYNC_FLUSH));
                var clients = new Clients(broker.nameServerAddress())) {
            clients.awaitRoute(topic);
            var received = new Received();
            clients.pushConsumer(Clients.unique("kill-check"), topic, "*", received);

            await("every acknowledged message after recovery").atMost(Duration.ofSeconds(60))
                    .until(() -> received.keys().containsAll(acked));
            assertThat(attempted).containsAll(received.keys());
        }
    }

    private static void sendUntilStopped(DefaultMQProducer producer, String topic, int sender, AtomicBoolean stop,
            Set<String> attempted, Set<String> acked, AtomicInteger failures) {
        for (int i = 0; !stop.get() && i < 100_000; i++) {
            var key = "s" + sender + "-" + i;
            attempted.add(key);
            try {
                var result = producer.send(new Message(topic, "T", key, key.getBytes(StandardCharsets.UTF_8)));
                if (result.getSendStatus() == SendStatus.SEND_OK) {
                    acked.add(key);
                }
            } catch (Exception e) {
                // Expected once the broker is gone; a failed send was never acknowledged, so it proves nothing.
                failures.incrementAndGet();
            }
        }
    }
}
