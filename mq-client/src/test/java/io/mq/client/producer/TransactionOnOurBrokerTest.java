package io.mq.client.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.OurBroker;
import io.mq.client.PullStatus;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.header.PullMessageRequestHeader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transactional producer against our broker: half send, local outcome, END_TRANSACTION and check-back. The same
 * flows run against Apache RocketMQ 5.2.0 in {@code io.mq.client.scenario}.
 */
class TransactionOnOurBrokerTest {

    @TempDir
    Path dir;
    OurBroker broker;
    MqProducer reader;

    @BeforeEach
    void start() {
        // Checks come fast: half messages older than 1 s are checked every second.
        broker = OurBroker.start(dir, c -> c.withTransactionTimeout(Duration.ofSeconds(1))
                .withTransactionCheckInterval(Duration.ofSeconds(1)));
        reader = MqProducer.start(broker.clientConfig("tx-test"), ProducerConfig.of("tx-reader"));
    }

    @AfterEach
    void stop() {
        if (reader != null) {
            reader.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aCommittedTransactionIsDeliveredAndARolledBackOneIsNot() {
        var listener = new Listener();
        try (var producer = MqTransactionProducer.start(broker.clientConfig("tx-test"), ProducerConfig.of("tx-group"),
                listener)) {
            var rolledBack = producer.sendInTransaction(Message.of("TxTopic", "t", "no"),
                    LocalTransactionState.ROLLBACK_MESSAGE);
            var committed = producer.sendInTransaction(Message.of("TxTopic", "t", "yes"),
                    LocalTransactionState.COMMIT_MESSAGE);

            var delivered = pullUntil(committed.sendResult().messageQueue(), 1);
            assertThat(delivered).extracting(MessageView::msgId).contains(committed.msgId())
                    .doesNotContain(rolledBack.msgId());
        }
    }

    @Test
    void anUnknownOutcomeIsSettledWhenTheBrokerChecksBack() {
        var listener = new Listener();
        listener.checkAnswer = LocalTransactionState.COMMIT_MESSAGE;
        try (var producer = MqTransactionProducer.start(broker.clientConfig("tx-test"), ProducerConfig.of("tx-check"),
                listener)) {
            var sent = producer.sendInTransaction(Message.of("TxCheckTopic", "t", "later"), LocalTransactionState.UNKNOW);

            var delivered = pullUntil(sent.sendResult().messageQueue(), 1);
            assertThat(delivered).extracting(MessageView::msgId).contains(sent.msgId());
            assertThat(listener.checked).extracting(MessageView::transactionId).contains(sent.transactionId());
        }
    }

    @Test
    void aHalfMessageSentNowIsDeliveredOnlyOnceCommittedLater() {
        try (var producer = MqTransactionProducer.start(broker.clientConfig("tx-test"), ProducerConfig.of("tx-half"),
                new Listener())) {
            var rolledBack = producer.sendHalf(Message.of("TxHalfTopic", "t", "no"));
            var committed = producer.sendHalf(Message.of("TxHalfTopic", "t", "yes"));
            assertThat(committed.view().transactionId()).isEqualTo(committed.transactionId());

            producer.rollback(rolledBack);
            producer.commit(committed);

            var delivered = pullUntil(committed.sendResult().messageQueue(), 1);
            assertThat(delivered).extracting(MessageView::msgId).contains(committed.transactionId())
                    .doesNotContain(rolledBack.transactionId());
        }
    }

    @Test
    void aHalfMessageNeverEndedIsSettledByTheCheckBack() {
        var listener = new Listener();
        listener.checkAnswer = LocalTransactionState.COMMIT_MESSAGE;
        try (var producer = MqTransactionProducer.start(broker.clientConfig("tx-test"),
                ProducerConfig.of("tx-half-check"), listener)) {
            var half = producer.sendHalf(Message.of("TxHalfCheckTopic", "t", "later"));

            var delivered = pullUntil(half.sendResult().messageQueue(), 1);
            assertThat(delivered).extracting(MessageView::msgId).contains(half.transactionId());
            assertThat(listener.checked).extracting(MessageView::transactionId).contains(half.transactionId());
            assertThat(listener.executed).isEmpty();
        }
    }

    @Test
    void aProducerRestartedBeforeSendingAnythingStillAnswersTheCheck() {
        MqTransactionProducer.HalfMessage half;
        try (var crashed = MqTransactionProducer.start(broker.clientConfig("tx-crashed"),
                ProducerConfig.of("tx-restart"), new Listener())) {
            half = crashed.sendHalf(Message.of("TxRestartTopic", "t", "orphan"));
        }
        var listener = new Listener();
        listener.checkAnswer = LocalTransactionState.COMMIT_MESSAGE;
        try (var restarted = MqTransactionProducer.start(broker.clientConfig("tx-restarted"),
                ProducerConfig.of("tx-restart"), listener)) {
            var delivered = pullUntil(half.sendResult().messageQueue(), 1);

            assertThat(delivered).extracting(MessageView::msgId).contains(half.transactionId());
            assertThat(listener.checked).extracting(MessageView::transactionId).contains(half.transactionId());
        }
    }

    private List<MessageView> pullUntil(MessageQueue queue, int count) {
        var found = new ArrayList<MessageView>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var header = new PullMessageRequestHeader("tx-reader-group", queue.topic(), queue.queueId(), found.size(), 32,
                    PullMessageRequestHeader.FLAG_SUBSCRIPTION, 0, 0, "*", 0, SubscriptionData.TAG, null, null, null,
                    null);
            var result = reader.client().brokerApi().pullAsync(broker.brokerAddress(), queue.brokerName(), header, 5000)
                    .join();
            if (result.status() == PullStatus.FOUND) {
                found.addAll(result.messages());
            }
            return found.size() >= count;
        });
        return found;
    }

    static final class Listener implements TransactionListener {
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
}
