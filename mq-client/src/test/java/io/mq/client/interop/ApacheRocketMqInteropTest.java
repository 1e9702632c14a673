package io.mq.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mq.client.ClientConfig;
import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.PullStatus;
import io.mq.client.SendStatus;
import io.mq.client.admin.MqAdmin;
import io.mq.client.producer.LocalTransactionState;
import io.mq.client.producer.MqProducer;
import io.mq.client.producer.MqTransactionProducer;
import io.mq.client.producer.ProducerConfig;
import io.mq.client.producer.TransactionListener;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.header.PullMessageRequestHeader;
import io.mq.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.testkit.ApacheRocketMq;
import io.mq.testkit.RuntimeClasspath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client against a real Apache RocketMQ 5.2.0 (forked JVMs): an application that outgrows our broker only
 * changes the name-server address. Transactions are proven here, check-back included.
 */
class ApacheRocketMqInteropTest {

    @TempDir
    static Path dir;
    static ApacheRocketMq rocketMq;
    static ClientConfig clientConfig;
    static MqAdmin admin;

    @BeforeAll
    static void start() {
        var ci = System.getenv("CI");
        assumeTrue((ci != null && !ci.isBlank()) || RuntimeClasspath.find().isPresent(),
                "Apache RocketMQ runtime classpath not built (mvn -pl mq-compat/apache-rocketmq-runtime process-classes)");
        rocketMq = ApacheRocketMq.start(ApacheRocketMq.Options.in(dir)
                .withTransactionTimeoutMillis(1_000)
                .withTransactionCheckIntervalMillis(1_000));
        clientConfig = ClientConfig.of(rocketMq.namesrvAddress()).withInstanceName("apache-interop");
        admin = MqAdmin.start(clientConfig);
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (rocketMq != null) {
            rocketMq.close();
        }
    }

    @Test
    void adminCreatesATopicAndReadsRouteAndCluster() {
        var masters = admin.createTopicInCluster(rocketMq.clusterName(), "InteropAdminTopic", 3, MqAdmin.READ_WRITE);

        assertThat(masters).containsExactly(rocketMq.brokerAddress());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(admin.route("InteropAdminTopic").publishQueues()).hasSize(3));
        assertThat(admin.clusterInfo().brokerAddrTable()).containsKey(rocketMq.brokerName());
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.topics().contains("InteropAdminTopic"));
    }

    @Test
    void everyKindOfSendIsStoredAsTheOfficialClientWouldAndPullsBack() {
        createTopic("InteropSendTopic", 1);
        try (var producer = MqProducer.start(clientConfig, ProducerConfig.of("interop-send"))) {
            var big = new byte[16 * 1024];
            Arrays.fill(big, (byte) 'q');
            var sync = producer.send(Message.builder("InteropSendTopic").tags("S").keys("k-sync").body("sync").build());
            var async = producer.sendAsync(Message.of("InteropSendTopic", "A", "async")).join();
            var compressed = producer.send(Message.of("InteropSendTopic", big));
            var batch = producer.send(List.of(Message.of("InteropSendTopic", "B", "b1"),
                    Message.of("InteropSendTopic", "B", "b2")));

            assertThat(List.of(sync, async, compressed, batch)).allSatisfy(r ->
                    assertThat(r.status()).isEqualTo(SendStatus.SEND_OK));
            var pulled = pullAll("InteropSendTopic", 0, 5);
            assertThat(pulled).extracting(MessageView::msgId).containsExactly(sync.msgId(), async.msgId(),
                    compressed.msgId(), batch.msgId().split(",")[0], batch.msgId().split(",")[1]);
            assertThat(pulled.get(0).tags()).isEqualTo("S");
            assertThat(pulled.get(0).keys()).containsExactly("k-sync");
            assertThat(pulled.get(2).body()).isEqualTo(big);
            assertThat(pulled.get(2).sysFlag() & BodyFlags.ZLIB).isEqualTo(BodyFlags.ZLIB);
            assertThat(pulled.get(3).bodyAsString()).isEqualTo("b1");
            assertThat(pulled.get(4).bodyAsString()).isEqualTo("b2");

            var viewed = admin.viewMessage(sync.offsetMsgId());
            assertThat(viewed.bodyAsString()).isEqualTo("sync");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(admin.queryMessageByKey("InteropSendTopic", "k-sync", 32, 0, Long.MAX_VALUE))
                            .extracting(MessageView::msgId).contains(sync.msgId()));
        }
    }

    @Test
    void consumeStatsReportTheCommittedOffset() {
        createTopic("InteropStatsTopic", 1);
        try (var producer = MqProducer.start(clientConfig, ProducerConfig.of("interop-stats"))) {
            producer.send(Message.of("InteropStatsTopic", "t", "1"));
            producer.send(Message.of("InteropStatsTopic", "t", "2"));
            producer.client().brokerApi().updateConsumerOffset(rocketMq.brokerAddress(),
                    new UpdateConsumerOffsetRequestHeader("interop-stats-group", "InteropStatsTopic", 0, 1), 3000);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var stats = admin.consumeStats("interop-stats-group", "InteropStatsTopic");
                var queue = stats.offsetTable().get(new MessageQueue("InteropStatsTopic", rocketMq.brokerName(), 0));
                assertThat(queue.brokerOffset()).isEqualTo(2);
                assertThat(queue.consumerOffset()).isEqualTo(1);
            });
        }
    }

    @Test
    void aCommittedTransactionIsDeliveredAndARolledBackOneIsNot() {
        createTopic("InteropTxTopic", 1);
        var listener = new ScriptedListener();
        try (var producer = MqTransactionProducer.start(clientConfig, ProducerConfig.of("interop-tx"), listener)) {
            var rolledBack = producer.sendInTransaction(Message.builder("InteropTxTopic").keys("rb").body("no").build(),
                    LocalTransactionState.ROLLBACK_MESSAGE);
            var committed = producer.sendInTransaction(Message.builder("InteropTxTopic").keys("c").body("yes").build(),
                    LocalTransactionState.COMMIT_MESSAGE);

            assertThat(committed.localState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
            assertThat(rolledBack.localState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
            var pulled = pullAll("InteropTxTopic", 0, 1);
            assertThat(pulled).extracting(MessageView::bodyAsString).containsExactly("yes");
            assertThat(pulled.get(0).msgId()).isEqualTo(committed.msgId());
            assertThat(listener.executed).containsKeys(committed.transactionId(), rolledBack.transactionId());
            assertThat(listener.executed.get(committed.transactionId()).property(MessageProperties.PRODUCER_GROUP))
                    .isEqualTo("interop-tx");
        }
    }

    @Test
    void anUnknownOutcomeIsSettledWhenTheBrokerChecksBack() {
        createTopic("InteropCheckTopic", 1);
        var listener = new ScriptedListener();
        listener.checkAnswer = LocalTransactionState.COMMIT_MESSAGE;
        try (var producer = MqTransactionProducer.start(clientConfig, ProducerConfig.of("interop-check"), listener)) {
            var sent = producer.sendInTransaction(Message.builder("InteropCheckTopic").body("later").build(),
                    LocalTransactionState.UNKNOW);

            assertThat(sent.localState()).isEqualTo(LocalTransactionState.UNKNOW);
            var pulled = pullAll("InteropCheckTopic", 0, 1);
            assertThat(pulled).extracting(MessageView::bodyAsString).containsExactly("later");
            assertThat(listener.checked).isNotEmpty().allSatisfy(view -> {
                assertThat(view.transactionId()).isEqualTo(sent.transactionId());
                assertThat(view.topic()).isEqualTo("InteropCheckTopic");
                assertThat(view.bodyAsString()).isEqualTo("later");
            });
        }
    }

    private static void createTopic(String topic, int queues) {
        admin.createTopic(rocketMq.brokerAddress(), topic, queues, MqAdmin.READ_WRITE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(admin.route(topic).publishQueues()).hasSize(queues));
    }

    /** Pulls one queue from offset 0 until {@code expected} messages came, within 30 s. */
    private static List<MessageView> pullAll(String topic, int queueId, int expected) {
        var api = admin.client().brokerApi();
        var found = new ArrayList<MessageView>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var header = new PullMessageRequestHeader("interop-reader", topic, queueId, found.size(), 32,
                    PullMessageRequestHeader.FLAG_SUBSCRIPTION, 0, 0, "*", 0, SubscriptionData.TAG, null, null, null,
                    null);
            var result = api.pullAsync(rocketMq.brokerAddress(), rocketMq.brokerName(), header, 5000).join();
            if (result.status() == PullStatus.FOUND) {
                found.addAll(result.messages());
            }
            return found.size() >= expected;
        });
        return found;
    }

    /** Executes with the state passed as arg; checks answer {@link #checkAnswer}; remembers what it saw. */
    static final class ScriptedListener implements TransactionListener {
        final Map<String, MessageView> executed = new ConcurrentHashMap<>();
        final List<MessageView> checked = new CopyOnWriteArrayList<>();
        volatile LocalTransactionState checkAnswer = LocalTransactionState.UNKNOW;

        @Override
        public LocalTransactionState executeLocalTransaction(MessageView halfMessage, Object arg) {
            executed.put(halfMessage.transactionId(), halfMessage);
            return (LocalTransactionState) arg;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageView halfMessage) {
            checked.add(halfMessage);
            return checkAnswer;
        }
    }

    /** sysFlag bits of a zlib body as the 5.x client sets them. */
    private static final class BodyFlags {
        static final int ZLIB = MessageSysFlag.COMPRESSED | (3 << 8);
    }
}
