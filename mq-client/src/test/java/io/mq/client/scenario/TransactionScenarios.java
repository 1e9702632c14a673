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
    void anUnknownOutcomeIsCommittedWhenTheBrokerChecksBack() {
        var topic = fx.topic("TxCheck", 1);
        var listener = new ScriptedListener();
        listener.checkAnswer = LocalTransactionState.COMMIT_MESSAGE;
        var recorder = new Recorder();
        try (var producer = MqTransactionProducer.start(fx.client("tx-check"),
                ProducerConfig.of(ScenarioFixture.unique("tx-check-producers")), listener);
             var ignored = MqPushConsumer.builder(fx.client("tx-check-consumer"), fx.group("tx-check").build())
                     .subscribe(topic, "*").listener(recorder).start()) {
            var sent = producer.sendInTransaction(Message.builder(topic).keys("later").body("later").build(),
                    LocalTransactionState.UNKNOW);

            assertThat(sent.localState()).isEqualTo(LocalTransactionState.UNKNOW);
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.count() >= 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> recorder.count() == 1);
            assertThat(recorder.received).extracting(MessageView::msgId).containsExactly(sent.msgId());
            assertThat(recorder.bodies()).containsExactly("later");
            assertThat(listener.checked).isNotEmpty().allSatisfy(view -> {
                assertThat(view.transactionId()).isEqualTo(sent.transactionId());
                assertThat(view.topic()).isEqualTo(topic);
                assertThat(view.bodyAsString()).isEqualTo("later");
            });
        }
    }

    /** Executes with the state passed as arg; checks answer {@link #checkAnswer}; remembers what it saw. */
    private static final class ScriptedListener implements TransactionListener {
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
