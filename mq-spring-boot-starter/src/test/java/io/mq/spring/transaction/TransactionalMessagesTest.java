package io.mq.spring.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mq.client.Message;
import io.mq.client.producer.LocalTransactionState;
import io.mq.spring.core.MqTemplate;
import io.mq.spring.transaction.TxBroker.Inbox;
import io.mq.spring.transaction.TxTestApp.Mode;
import io.mq.spring.transaction.TxTestApp.Order;
import io.mq.spring.transaction.TxTestApp.OrderService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactional messages end to end in one application on H2: both ways of sending, commit and rollback, a
 * transaction that outlasts several check-backs, and a group answering checks itself.
 */
class TransactionalMessagesTest {

    @TempDir
    static Path dir;
    static TxBroker broker;
    static ConfigurableApplicationContext app;

    String topic;
    Inbox inbox;
    CheckLog checks;

    @BeforeAll
    static void startApp() {
        broker = TxBroker.start(dir);
        app = TxTestApp.run("mq.name-server=" + broker.nameServer(), "mq.instance-name=tx-app",
                "spring.datasource.url=jdbc:h2:mem:tx-app;DB_CLOSE_DELAY=-1",
                "mq.transaction.producer-group=app-tx", "mq.transaction.check-lock-timeout=200ms",
                "test.orders-table=orders");
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void newTopic() {
        topic = broker.topic("orders");
        inbox = broker.inbox(topic);
        checks = CheckLog.attach();
    }

    @AfterEach
    void closeInbox() {
        inbox.close();
        checks.close();
    }

    @Test
    void aMessageSentInACommittedTransactionIsDeliveredOnce() {
        var sent = app.getBean(OrderService.class).place(topic, "o-1", false);

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.count(sent.msgId()) == 1);
        assertThat(inbox.messages.get(sent.msgId()).bodyAsString()).contains("o-1");
        assertThat(app.getBean(OrderService.class).exists("o-1")).isTrue();
        staysDelivered(sent.msgId(), 1);
    }

    @Test
    void aMessageSentInATransactionThatRollsBackIsNeverDelivered() {
        var orders = app.getBean(OrderService.class);
        assertThatThrownBy(() -> orders.place(topic, "o-2", true)).hasMessage("payment declined");
        var committed = orders.place(topic, "o-3", false);

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.count(committed.msgId()) == 1);
        assertThat(orders.exists("o-2")).isFalse();
        staysDelivered(committed.msgId(), 1);
        assertThat(inbox.deliveries).hasSize(1);
    }

    @Test
    void sendingInTransactionOutsideATransactionFailsClearly() {
        var template = app.getBean(MqTemplate.class);

        assertThatThrownBy(() -> template.sendInTransaction(topic, "loose"))
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("@Transactional");
    }

    @Test
    void aTransactionalListenerCommitsTheMessageWithItsTransaction() {
        var transactions = app.getBean(MqTransactions.class);

        var result = transactions.execute("orders-tx", message("o-10"), new Order("o-10", Mode.COMMIT));

        assertThat(result.localState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.count(result.msgId()) == 1);
        assertThat(app.getBean(OrderService.class).exists("o-10")).isTrue();
    }

    @Test
    void aTransactionalListenerThatFailsOrAnswersRollbackSendsNothing() {
        var transactions = app.getBean(MqTransactions.class);

        assertThatThrownBy(() -> transactions.execute("orders-tx", message("o-11"), new Order("o-11", Mode.FAIL)))
                .hasMessage("out of stock");
        var rolledBack = transactions.execute("orders-tx", message("o-12"), new Order("o-12", Mode.ROLLBACK));
        var committed = transactions.execute("orders-tx", message("o-13"), new Order("o-13", Mode.COMMIT));

        assertThat(rolledBack.localState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.count(committed.msgId()) == 1);
        staysDelivered(committed.msgId(), 1);
        assertThat(inbox.deliveries).containsOnlyKeys(committed.msgId());
        assertThat(app.getBean(OrderService.class).exists("o-11")).isFalse();
        assertThat(app.getBean(OrderService.class).exists("o-12")).isFalse();
    }

    @Test
    void aTransactionOpenPastTwoChecksIsUnknownUntilItEndsThenCommittedOnce() throws Exception {
        var transactions = app.getBean(MqTransactions.class);
        var release = new CountDownLatch(1);
        var checkCommitted = new CountDownLatch(1);
        // Hold the commit of the half message back until the check has committed it: the check decides alone.
        var holdEnd = new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return HIGHEST_PRECEDENCE;
            }

            @Override
            public void afterCommit() {
                awaitQuietly(checkCommitted);
            }
        };
        var outer = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        var running = CompletableFuture.supplyAsync(() -> outer.execute(status -> {
                    TransactionSynchronizationManager.registerSynchronization(holdEnd);
                    return transactions.execute("orders-tx", message("o-20"), new Order("o-20", Mode.HOLD, release));
                }));
        // The listener holds the transaction: the id is known once checks about it come in.
        await().atMost(Duration.ofSeconds(20)).until(() -> checks.answeredAtLeast(LocalOutcome.UNKNOWN, 2) != null);
        var transactionId = checks.answeredAtLeast(LocalOutcome.UNKNOWN, 2);
        assertThat(inbox.deliveries).isEmpty();

        long released = System.nanoTime();
        release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> checks.count(transactionId, LocalOutcome.COMMIT) > 0);
        checkCommitted.countDown();
        long checkMillis = (System.nanoTime() - released) / 1_000_000;

        running.get(20, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.count(transactionId) == 1);
        staysDelivered(transactionId, 1);
        System.out.printf("[figures] held transaction: %d UNKNOWN answers, then COMMIT by the check %d ms after the "
                + "database commit%n", checks.count(transactionId, LocalOutcome.UNKNOWN), checkMillis);
    }

    @Test
    void eachProducerGroupHasItsProducerAndAGroupMayAnswerChecksItself() {
        var transactions = app.getBean(MqTransactions.class);

        assertThat(transactions.producerGroups()).containsExactlyInAnyOrder("app-tx", "orders-tx", "payments-tx");
        var half = new io.mq.client.MessageView(topic, new byte[0], java.util.Map.of(), "NO-SUCH-TX", null, null, 0,
                0, 0, 0, 0, 0, null, 0, null, 0, 0);
        assertThat(transactions.check("payments-tx", half)).isEqualTo(LocalOutcome.ROLLBACK);
        assertThat(transactions.check("app-tx", half)).isEqualTo(LocalOutcome.ROLLBACK); // fenced: nothing recorded
        assertThat(transactions.check("app-tx", half)).isEqualTo(LocalOutcome.ROLLBACK);
    }

    private Message message(String orderId) {
        return Message.of(topic, "order", orderId + "-" + UUID.randomUUID());
    }

    /** Still delivered exactly {@code times} after two more check intervals. */
    private void staysDelivered(String msgId, int times) {
        await().during(TxBroker.CHECK_INTERVAL.multipliedBy(2)).atMost(Duration.ofSeconds(10))
                .until(() -> inbox.count(msgId) == times);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
