package io.mq.client.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.consumer.MqPushConsumer;
import io.mq.client.producer.LocalTransactionState;
import io.mq.client.producer.MqTransactionProducer;
import io.mq.client.producer.ProducerConfig;
import io.mq.client.producer.TransactionListener;
import io.mq.protocol.message.MessageProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Transactional sends: commit delivers, rollback never does, UNKNOW is settled by the broker's check-back. */
abstract class TransactionScenarios {

    private final ScenarioFixture fx;

    TransactionScenarios(ScenarioFixture fx) {
        this.fx = fx;
    }

    @Test
    void aCommittedTransactionIsConsumedOnceAndARolledBackOneNever() {
        var topic = fx.topic("Tx", 1);
        var listener = new ScriptedListener();
        var recorder = new Recorder();
        var group = ScenarioFixture.unique("tx-producers");
        try (var producer = MqTransactionProducer.start(fx.client("tx"), ProducerConfig.of(group), listener);
             var ignored = MqPushConsumer.builder(fx.client("tx-consumer"), fx.group("tx").build())
                     .subscribe(topic, "*").listener(recorder).start()) {
            var rolledBack = producer.sendInTransaction(Message.builder(topic).keys("rb").body("no").build(),
                    LocalTransactionState.ROLLBACK_MESSAGE);
            var committed = producer.sendInTransaction(Message.builder(topic).keys("c").property("p", "v")
                    .body("yes").build(), LocalTransactionState.COMMIT_MESSAGE);

            assertThat(rolledBack.localState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
            assertThat(committed.localState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.count() >= 1);
            // Past a check interval or two: the rolled-back one stays away and the committed one comes once.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> recorder.count() == 1);

            var delivered = recorder.received.get(0);
            assertThat(delivered.msgId()).isEqualTo(committed.msgId());
            assertThat(delivered.bodyAsString()).isEqualTo("yes");
            assertThat(delivered.keys()).containsExactly("c");
            assertThat(delivered.property("p")).isEqualTo("v");
            assertThat(listener.executed).containsKeys(committed.transactionId(), rolledBack.transactionId());
            assertThat(listener.executed.get(committed.transactionId()).property(MessageProperties.PRODUCER_GROUP))
                    .isEqualTo(group);
            assertThat(listener.checked).isEmpty();
        }
    }

    @Test
    void unknownOutcomesAreSettledByTheBrokersCheckBackCommitDeliveredRollbackNot() {
        var topic = fx.topic("TxCheck", 1);
        var listener = new ScriptedListener();
        listener.checkAnswers.put("later-yes", LocalTransactionState.COMMIT_MESSAGE);
        listener.checkAnswers.put("later-no", LocalTransactionState.ROLLBACK_MESSAGE);
        var recorder = new Recorder();
        try (var producer = MqTransactionProducer.start(fx.client("tx-check"),
                ProducerConfig.of(ScenarioFixture.unique("tx-check-producers")), listener);
             var ignored = MqPushConsumer.builder(fx.client("tx-check-consumer"), fx.group("tx-check").build())
                     .subscribe(topic, "*").listener(recorder).start()) {
            var yes = producer.sendInTransaction(Message.builder(topic).keys("y").body("later-yes").build(),
                    LocalTransactionState.UNKNOW);
            var no = producer.sendInTransaction(Message.builder(topic).keys("n").body("later-no").build(),
                    LocalTransactionState.UNKNOW);

            assertThat(yes.localState()).isEqualTo(LocalTransactionState.UNKNOW);
            assertThat(no.localState()).isEqualTo(LocalTransactionState.UNKNOW);
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.count() >= 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> listener.checkedBodies().contains("later-no"));
            // A few check rounds later: the committed one came once, the rolled-back one never.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                    assertThat(recorder.received).as("deliveries; checks: %s", listener.checked)
                            .extracting(MessageView::msgId).containsExactly(yes.msgId()));
            assertThat(recorder.bodies()).containsExactly("later-yes");
            assertThat(listener.checked).allSatisfy(view -> {
                assertThat(view.transactionId()).isIn(yes.transactionId(), no.transactionId());
                assertThat(view.topic()).isEqualTo(topic);
            });
            assertThat(listener.checked).filteredOn(v -> v.transactionId().equals(yes.transactionId()))
                    .isNotEmpty().allSatisfy(v -> assertThat(v.bodyAsString()).isEqualTo("later-yes"));
        }
    }

    /** Executes with the state passed as arg; checks answer by body ({@link #checkAnswers}, else UNKNOW). */
    private static final class ScriptedListener implements TransactionListener {
        final Map<String, MessageView> executed = new ConcurrentHashMap<>();
        final List<MessageView> checked = new CopyOnWriteArrayList<>();
        final Map<String, LocalTransactionState> checkAnswers = new ConcurrentHashMap<>();

        @Override
        public LocalTransactionState executeLocalTransaction(MessageView halfMessage, Object arg) {
            executed.put(halfMessage.transactionId(), halfMessage);
            return (LocalTransactionState) arg;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageView halfMessage) {
            checked.add(halfMessage);
            return checkAnswers.getOrDefault(halfMessage.bodyAsString(), LocalTransactionState.UNKNOW);
        }

        List<String> checkedBodies() {
            return checked.stream().map(MessageView::bodyAsString).toList();
        }
    }
}
