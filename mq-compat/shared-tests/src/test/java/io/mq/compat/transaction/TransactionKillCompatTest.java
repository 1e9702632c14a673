package io.mq.compat.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.store.FlushDiskType;
import io.mq.broker.testkit.ForkedBrokerMain;
import io.mq.compat.CompatBroker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions survive a SIGKILL: a broker in its own JVM ({@link ForkedBrokerMain}, SYNC_FLUSH) takes committed,
 * rolled-back and undecided transactions from the official producer and is killed; restarted on the same store, it
 * asks a new producer of the group about the undecided ones only (that producer would commit anything it is asked
 * about), and a fresh consumer sees every committed one exactly once and no rolled-back one.
 */
class TransactionKillCompatTest {

    private static final int TRANSACTIONS = 30;
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @TempDir
    Path storeDir;

    private final List<Runnable> shutdowns = new ArrayList<>();

    @AfterEach
    void shutdown() {
        for (int i = shutdowns.size() - 1; i >= 0; i--) {
            shutdowns.get(i).run();
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void afterAKillCommittedOnesAreConsumedOnceRolledBackOnesNeverAndUndecidedOnesAreCheckedAgain() throws Exception {
        String topic = CompatBroker.unique("tx-kill");
        String group = CompatBroker.unique("tx-kill-producer");
        Map<String, LocalTransactionState> outcomes = new HashMap<>();
        for (int i = 0; i < TRANSACTIONS; i++) {
            // The last one commits: once it is consumed, every END before it on the connection was processed.
            var state = i == TRANSACTIONS - 1 ? LocalTransactionState.COMMIT_MESSAGE
                    : LocalTransactionState.values()[i % 3];
            outcomes.put("tx-" + i, state);
        }
        Map<String, String> keyById = new ConcurrentHashMap<>();

        var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ForkedBrokerMain.class.getName(),
                storeDir.toString()).redirectErrorStream(true).start();
        try {
            String nameServer = awaitReady(process);
            var before = new ConcurrentHashMap<String, AtomicInteger>();
            startConsumer(nameServer, topic, before);
            var producer = producer(nameServer, group, new TransactionListener() {
                @Override
                public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                    return outcomes.get(msg.getKeys());
                }

                @Override
                public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                    return LocalTransactionState.UNKNOW; // the broker in the child never waits long enough to ask
                }
            });
            for (int i = 0; i < TRANSACTIONS; i++) {
                var key = "tx-" + i;
                var sent = producer.sendMessageInTransaction(new Message(topic, "tx", key,
                        key.getBytes(StandardCharsets.UTF_8)), null);
                keyById.put(sent.getMsgId(), key);
            }
            await("the last commit consumed before the kill").atMost(DELIVERY)
                    .until(() -> before.containsKey(idOf(keyById, "tx-" + (TRANSACTIONS - 1))));
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            process.waitFor(30, TimeUnit.SECONDS);
            shutdown();
            shutdowns.clear();
        }

        try (var restarted = EmbeddedBroker.start(storeDir, b -> b.withTransactionTimeout(Duration.ofSeconds(1))
                .withTransactionCheckInterval(Duration.ofSeconds(1)), s -> s.withFlushDiskType(FlushDiskType.SYNC_FLUSH))) {
            var asked = ConcurrentHashMap.<String>newKeySet();
            var answerer = producer(restarted.nameServerAddress(), group, new TransactionListener() {
                @Override
                public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                    return LocalTransactionState.COMMIT_MESSAGE;
                }

                @Override
                public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                    asked.add(keyById.getOrDefault(msg.getTransactionId(), msg.getTransactionId()));
                    return LocalTransactionState.COMMIT_MESSAGE; // commits whatever it is asked about
                }
            });
            // The new instance goes on with its work; its first send makes it known to the broker.
            // The restarted broker registers with its new name server a moment after it starts: retry until routed.
            await("a send after the restart").atMost(DELIVERY).ignoreExceptions().until(() -> answerer
                    .sendMessageInTransaction(new Message(topic, "tx", "after-restart", new byte[] {1}), null) != null);
            var after = new ConcurrentHashMap<String, AtomicInteger>();
            startConsumer(restarted.nameServerAddress(), topic, after);

            var undecided = keysWith(outcomes, LocalTransactionState.UNKNOW);
            var committed = keysWith(outcomes, LocalTransactionState.COMMIT_MESSAGE);
            var rolledBack = keysWith(outcomes, LocalTransactionState.ROLLBACK_MESSAGE);
            await("undecided transactions checked and consumed").atMost(DELIVERY)
                    .until(() -> consumedKeys(after, keyById).containsAll(committed)
                            && consumedKeys(after, keyById).containsAll(undecided));
            await("no second delivery, no rolled-back message").during(Duration.ofMillis(2500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> after.values().stream().allMatch(n -> n.get() == 1)
                            && consumedKeys(after, keyById).stream().noneMatch(rolledBack::contains));
            assertThat(asked).containsExactlyInAnyOrderElementsOf(undecided);
        }
    }

    private static String idOf(Map<String, String> keyById, String key) {
        return keyById.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).findFirst()
                .orElse("none");
    }

    private static Set<String> keysWith(Map<String, LocalTransactionState> outcomes, LocalTransactionState state) {
        var keys = new java.util.TreeSet<String>();
        outcomes.forEach((key, s) -> {
            if (s == state) {
                keys.add(key);
            }
        });
        return keys;
    }

    private static Set<String> consumedKeys(Map<String, AtomicInteger> consumed, Map<String, String> keyById) {
        var keys = new java.util.HashSet<String>();
        consumed.keySet().forEach(id -> keys.add(keyById.getOrDefault(id, id)));
        return keys;
    }

    private static String awaitReady(Process process) throws Exception {
        var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith(ForkedBrokerMain.READY + " ")) {
                var drainer = new Thread(() -> lines.lines().forEach(l -> { }), "forked-broker-output");
                drainer.setDaemon(true);
                drainer.start(); // a full pipe would stall the child
                return line.split(" ")[1];
            }
        }
        throw new IllegalStateException("the forked broker exited before it was ready");
    }

    private TransactionMQProducer producer(String nameServer, String group, TransactionListener listener)
            throws Exception {
        var producer = new TransactionMQProducer(group);
        configure(producer, nameServer);
        producer.setSendMsgTimeout(10_000);
        producer.setTransactionListener(listener);
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }

    private void startConsumer(String nameServer, String topic, Map<String, AtomicInteger> consumed)
            throws Exception {
        var consumer = new DefaultMQPushConsumer(CompatBroker.unique("tx-kill-consumer"));
        configure(consumer, nameServer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> consumed.computeIfAbsent(m.getMsgId(), id -> new AtomicInteger()).incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        shutdowns.add(consumer::shutdown);
    }

    private static void configure(ClientConfig client, String nameServer) {
        client.setNamesrvAddr(nameServer);
        client.setInstanceName(CompatBroker.unique("tx-kill"));
        client.setVipChannelEnabled(false);
        client.setPollNameServerInterval(1_000);
        client.setHeartbeatBrokerInterval(1_000);
    }
}
