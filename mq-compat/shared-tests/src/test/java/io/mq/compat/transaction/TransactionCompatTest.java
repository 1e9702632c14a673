package io.mq.compat.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.store.MessageFilter;
import io.mq.compat.CompatBroker;
import io.mq.broker.topic.Perm;
import io.mq.broker.topic.SystemTopics;
import io.mq.broker.topic.TopicDefinition;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official {@code TransactionMQProducer} against our broker, with short check settings (timeout 1 s, interval
 * 1 s, at most 3 checks): commit, rollback, check-back answered either way, a new producer instance answering,
 * the check limit, and a commit racing a check. Compiled into both mq-compat/rocketmq4 and mq-compat/rocketmq5, so
 * the same scenarios run with the 4.9.7 and the 5.2.0 client. Its own embedded broker: the check settings are
 * shortened, which {@link CompatBroker} does not offer.
 */
class TransactionCompatTest {

    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final int CHECK_MAX = 3;
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** "Never consumed" is watched for two check intervals and a half. */
    private static final Duration NEVER = CHECK_INTERVAL.multipliedBy(5).dividedBy(2);

    @TempDir
    static Path storeDir;

    private static EmbeddedBroker embedded;

    private final List<Runnable> shutdowns = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> consumed = new ConcurrentHashMap<>();
    private String topic;

    @BeforeAll
    static void startBroker() {
        embedded = EmbeddedBroker.start(storeDir, broker -> broker
                .withTransactionTimeout(Duration.ofSeconds(1))
                .withTransactionCheckInterval(CHECK_INTERVAL)
                .withTransactionCheckMax(CHECK_MAX), store -> store);
    }

    @AfterAll
    static void stopBroker() {
        embedded.close();
    }

    @AfterEach
    void shutdownClients() {
        for (int i = shutdowns.size() - 1; i >= 0; i--) {
            shutdowns.get(i).run();
        }
    }

    @Test
    void aCommittedMessageIsConsumedOnce() throws Exception {
        startConsumer();
        var producer = producer(group(), listener(msg -> LocalTransactionState.COMMIT_MESSAGE, msg -> {
            throw new AssertionError("no check expected for a committed message");
        }));

        var sent = send(producer, "committed");

        assertThat(sent.getLocalTransactionState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        awaitConsumed(sent.getMsgId());
        await().during(NEVER).atMost(NEVER.plusSeconds(2)).until(() -> count(sent.getMsgId()) == 1);
    }

    @Test
    void aRolledBackMessageIsNeverConsumed() throws Exception {
        startConsumer();
        var producer = producer(group(), listener(msg -> "marker".equals(msg.getKeys())
                ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE,
                msg -> LocalTransactionState.ROLLBACK_MESSAGE));

        var rolledBack = send(producer, "rolled-back");
        var marker = send(producer, "marker");

        awaitConsumed(marker.getMsgId()); // the consumer is live, so silence below means something
        await().during(NEVER).atMost(NEVER.plusSeconds(2)).until(() -> count(rolledBack.getMsgId()) == 0);
    }

    @Test
    void anUnknownOutcomeIsCheckedAndTheCommitAnswerIsConsumedOnce() throws Exception {
        startConsumer();
        var checkedAfter = new AtomicLong();
        var sentAt = new AtomicLong();
        var producer = producer(group(), listener(msg -> LocalTransactionState.UNKNOW, msg -> {
            checkedAfter.compareAndSet(0, System.currentTimeMillis() - sentAt.get());
            return LocalTransactionState.COMMIT_MESSAGE;
        }));

        sentAt.set(System.currentTimeMillis());
        var sent = send(producer, "unknown-then-commit");

        assertThat(sent.getLocalTransactionState()).isEqualTo(LocalTransactionState.UNKNOW);
        awaitConsumed(sent.getMsgId());
        System.out.printf("check-back: the broker asked %d ms after the send (timeout 1 s, interval 1 s)%n",
                checkedAfter.get());
        await().during(NEVER).atMost(NEVER.plusSeconds(2)).until(() -> count(sent.getMsgId()) == 1);
    }

    @Test
    void anUnknownOutcomeCheckedAndRolledBackIsNeverConsumed() throws Exception {
        startConsumer();
        var checks = new AtomicInteger();
        var producer = producer(group(), listener(msg -> "marker".equals(msg.getKeys())
                ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.UNKNOW, msg -> {
                    checks.incrementAndGet();
                    return LocalTransactionState.ROLLBACK_MESSAGE;
                }));

        var sent = send(producer, "unknown-then-rollback");
        await().atMost(DELIVERY).until(() -> checks.get() >= 1);
        var marker = send(producer, "marker");

        awaitConsumed(marker.getMsgId());
        await().during(NEVER).atMost(NEVER.plusSeconds(2)).until(() -> count(sent.getMsgId()) == 0 && checks.get() == 1);
    }

    @Test
    void aNewProducerInstanceOfTheGroupAnswersTheCheckForOneThatWasShutDown() throws Exception {
        startConsumer();
        String group = group();
        var first = producer(group, listener(msg -> LocalTransactionState.UNKNOW, msg -> {
            throw new AssertionError("the first producer is gone before any check");
        }));
        var sent = send(first, "answered-by-another");
        first.shutdown();

        var answered = new CountDownLatch(1);
        var second = producer(group, listener(msg -> LocalTransactionState.COMMIT_MESSAGE, msg -> {
            answered.countDown();
            // A checked message carries its unique id as the transaction id (its msgId is the offset id).
            return sent.getMsgId().equals(msg.getTransactionId()) ? LocalTransactionState.COMMIT_MESSAGE
                    : LocalTransactionState.ROLLBACK_MESSAGE;
        }));
        // The new instance goes on with its work. Its first send also tells it the broker's address: a 5.x producer
        // heartbeats only to brokers of the routes it knows, and only a producer the broker knows is asked.
        send(second, "marker");

        assertThat(answered.await(DELIVERY.toSeconds(), TimeUnit.SECONDS)).isTrue();
        awaitConsumed(sent.getMsgId());
        await().during(NEVER).atMost(NEVER.plusSeconds(2)).until(() -> count(sent.getMsgId()) == 1);
    }

    @Test
    void afterTheMaximumNumberOfChecksTheMessageGoesToTheCheckMaxTopicAndIsNeverConsumed() throws Exception {
        startConsumer();
        var checks = new AtomicInteger();
        var producer = producer(group(), listener(msg -> "marker".equals(msg.getKeys())
                ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.UNKNOW, msg -> {
                    checks.incrementAndGet();
                    return LocalTransactionState.UNKNOW;
                }));

        var sent = send(producer, "never-answered");

        await().atMost(DELIVERY).until(() -> discarded().stream().anyMatch(m -> sent.getMsgId().equals(m.uniqueKey())));
        assertThat(checks.get()).isEqualTo(CHECK_MAX);
        var marker = send(producer, "marker");
        awaitConsumed(marker.getMsgId());
        await().during(NEVER).atMost(NEVER.plusSeconds(2)).until(() -> count(sent.getMsgId()) == 0
                && checks.get() == CHECK_MAX);
        var parked = discarded().stream().filter(m -> sent.getMsgId().equals(m.uniqueKey())).toList();
        assertThat(parked).singleElement().satisfies(m -> {
            assertThat(m.property("REAL_TOPIC")).isEqualTo(topic);
            assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("never-answered");
        });
    }

    @Test
    void aCommitRacingTheCheckIsDeliveredOnce() throws Exception {
        startConsumer();
        var firstCheck = new CountDownLatch(1);
        var producer = producer(group(), listener(msg -> {
            // The local transaction outlives the timeout: the broker asks while the producer's own commit is pending.
            try {
                firstCheck.await(DELIVERY.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return LocalTransactionState.COMMIT_MESSAGE;
        }, msg -> {
            firstCheck.countDown();
            return LocalTransactionState.COMMIT_MESSAGE;
        }));

        var sent = send(producer, "racing");

        assertThat(firstCheck.getCount()).isZero();
        awaitConsumed(sent.getMsgId());
        await().during(NEVER).atMost(NEVER.plusSeconds(2)).until(() -> count(sent.getMsgId()) == 1);
    }

    // --- fixture ---------------------------------------------------------------------------------------------

    private static String group() {
        return CompatBroker.unique("tx-producer");
    }

    private static TransactionListener listener(Function<Message, LocalTransactionState> execute,
            Function<MessageExt, LocalTransactionState> check) {
        return new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return execute.apply(msg);
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return check.apply(msg);
            }
        };
    }

    private TransactionMQProducer producer(String group, TransactionListener listener) throws Exception {
        var producer = new TransactionMQProducer(group);
        configure(producer);
        producer.setSendMsgTimeout(10_000);
        producer.setTransactionListener(listener);
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }

    /** A push consumer of a fresh topic, from its first offset, counting deliveries by msg id. */
    private void startConsumer() throws Exception {
        topic = CompatBroker.unique("tx-orders");
        embedded.broker().runtime().topics().createOrUpdate(TopicDefinition.of(topic, 4, Perm.READ_WRITE));
        var consumer = new DefaultMQPushConsumer(CompatBroker.unique("tx-consumer"));
        configure(consumer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> consumed.computeIfAbsent(m.getMsgId(), id -> new AtomicInteger()).incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        shutdowns.add(consumer::shutdown);
    }

    private TransactionSendResult send(TransactionMQProducer producer, String key) throws Exception {
        var message = new Message(topic, "tx", key, key.getBytes(StandardCharsets.UTF_8));
        return producer.sendMessageInTransaction(message, null);
    }

    private int count(String msgId) {
        var n = consumed.get(msgId);
        return n == null ? 0 : n.get();
    }

    private void awaitConsumed(String msgId) {
        await().atMost(DELIVERY).until(() -> count(msgId) >= 1);
    }

    /** What the broker parked in TRANS_CHECK_MAX_TIME_TOPIC, read from its store as an operator would. */
    private static List<StoredMessage> discarded() {
        var store = embedded.broker().runtime().store();
        var found = new ArrayList<StoredMessage>();
        long offset = 0;
        while (offset < store.maxOffset(SystemTopics.TRANS_CHECK_MAX_TIME, 0)) {
            var batch = store.getMessages("operator", SystemTopics.TRANS_CHECK_MAX_TIME, 0, offset, 32,
                    Integer.MAX_VALUE, MessageFilter.ALL);
            batch.messages().forEach(b -> found.add(MessageCodec.decode(b.duplicate(), true)));
            if (batch.nextBeginOffset() <= offset) {
                break;
            }
            offset = batch.nextBeginOffset();
        }
        return found;
    }

    private static void configure(ClientConfig client) {
        client.setNamesrvAddr(embedded.nameServerAddress());
        client.setInstanceName(CompatBroker.unique("tx-compat"));
        client.setVipChannelEnabled(false);
        client.setPollNameServerInterval(1_000);
        client.setHeartbeatBrokerInterval(1_000);
    }
}
