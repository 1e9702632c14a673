package io.mq.broker.transaction;

import static io.mq.broker.transaction.TransactionFixture.GROUP;
import static io.mq.broker.transaction.TransactionFixture.TOPIC;
import static io.mq.broker.transaction.TransactionFixture.body;
import static io.mq.protocol.message.MessageSysFlag.TRANSACTION_COMMIT_TYPE;
import static io.mq.protocol.message.MessageSysFlag.TRANSACTION_NOT_TYPE;
import static io.mq.protocol.message.MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.topic.SystemTopics;
import io.mq.protocol.header.EndTransactionRequestHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.message.StoredMessage;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionalMessageServiceTest {

    @TempDir
    Path root;

    private TransactionFixture tx;

    private TransactionFixture start(Duration timeout, int checkMax) {
        tx = new TransactionFixture(root, TransactionFixture.settings(timeout, checkMax));
        return tx;
    }

    @AfterEach
    void stop() {
        if (tx != null) {
            tx.close();
        }
    }

    @Test
    void halfMessageIsKeptUnderTheHalfTopicAndNotOnItsRealTopic() {
        start(Duration.ofHours(1), 15);
        var half = tx.prepare("k1");

        StoredMessage stored = tx.store.lookMessageByOffset(half.physicalOffset()).orElseThrow();
        assertThat(stored.topic()).isEqualTo(SystemTopics.TRANS_HALF);
        assertThat(stored.queueId()).isZero();
        assertThat(stored.property(MessageProperties.REAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(stored.property(MessageProperties.REAL_QUEUE_ID)).isEqualTo("3");
        assertThat(stored.property(MessageProperties.TRANSACTION_PREPARED)).isEqualTo("true");
        assertThat(stored.transactionType()).isEqualTo(TRANSACTION_NOT_TYPE);
        assertThat(half.queueOffset()).isZero();
        assertThat(tx.delivered()).isEmpty();
    }

    @Test
    void commitDeliversTheMessageOnceWithTheProducersIds() {
        start(Duration.ofHours(1), 15);
        var half = tx.prepare("k1");

        var outcome = tx.end(half, TRANSACTION_COMMIT_TYPE);

        assertThat(outcome).isInstanceOf(EndOutcome.Committed.class);
        assertThat(((EndOutcome.Committed) outcome).delivered().join().isOk()).isTrue();
        var delivered = tx.delivered();
        assertThat(delivered).hasSize(1);
        var message = delivered.get(0);
        assertThat(body(message)).isEqualTo("body-k1");
        assertThat(message.uniqueKey()).isEqualTo("k1");
        assertThat(message.tags()).isEqualTo("created");
        assertThat(message.property(MessageProperties.PRODUCER_GROUP)).isEqualTo(GROUP);
        assertThat(message.property(MessageProperties.TRANSACTION_PREPARED_QUEUE_OFFSET)).isEqualTo("0");
        assertThat(message.properties()).doesNotContainKeys(MessageProperties.REAL_TOPIC,
                MessageProperties.REAL_QUEUE_ID, MessageProperties.TRANSACTION_PREPARED);
        assertThat(message.transactionType()).isEqualTo(TRANSACTION_COMMIT_TYPE);
        assertThat(message.preparedTransactionOffset()).isEqualTo(half.physicalOffset());
        var ops = tx.opRecords();
        assertThat(ops).hasSize(1);
        assertThat(ops.get(0).tags()).isEqualTo(HalfMessages.REMOVE_TAG);
        assertThat(body(ops.get(0))).isEqualTo("0");
    }

    @Test
    void rollbackWritesOnlyTheOpRecordAndUnknownNothing() {
        start(Duration.ofHours(1), 15);
        var rolledBack = tx.prepare("k1");
        var unknown = tx.prepare("k2");

        assertThat(tx.end(rolledBack, TRANSACTION_ROLLBACK_TYPE)).isInstanceOf(EndOutcome.RolledBack.class);
        assertThat(tx.end(unknown, TRANSACTION_NOT_TYPE)).isInstanceOf(EndOutcome.StillPending.class);

        assertThat(tx.delivered()).isEmpty();
        assertThat(tx.opRecords()).extracting(TransactionFixture::body).containsExactly("0");
    }

    @Test
    void aSecondEndForTheSameMessageDeliversNothingMore() {
        start(Duration.ofHours(1), 15);
        var half = tx.prepare("k1");

        tx.end(half, TRANSACTION_COMMIT_TYPE);
        var again = tx.end(half, TRANSACTION_COMMIT_TYPE);
        var rollbackAfter = tx.end(half, TRANSACTION_ROLLBACK_TYPE);

        assertThat(again).isInstanceOf(EndOutcome.AlreadyEnded.class);
        assertThat(rollbackAfter).isInstanceOf(EndOutcome.AlreadyEnded.class);
        assertThat(tx.delivered()).hasSize(1);
        assertThat(tx.opRecords()).hasSize(1);
    }

    @Test
    void endIsRefusedForAnotherGroupAnotherOffsetOrAMessageThatIsNoHalf() {
        start(Duration.ofHours(1), 15);
        var half = tx.prepare("k1");

        var otherGroup = tx.service.end(new EndTransactionRequestHeader("intruder", half.queueOffset(),
                half.physicalOffset(), TRANSACTION_COMMIT_TYPE, false, "m", "t"));
        var wrongQueueOffset = tx.end(half.physicalOffset(), 7, TRANSACTION_COMMIT_TYPE, false);
        var plain = tx.store.append(TransactionFixture.draft("plain", "x").withProperties(java.util.Map.of())
                .withSysFlag(0)).join();
        var notHalf = tx.end(plain.physicalOffset(), plain.queueOffset(), TRANSACTION_COMMIT_TYPE, false);

        assertThat(otherGroup).isInstanceOfSatisfying(EndOutcome.Refused.class, r -> {
            assertThat(r.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(r.remark()).contains("producer group wrong");
        });
        assertThat(wrongQueueOffset).isInstanceOfSatisfying(EndOutcome.Refused.class,
                r -> assertThat(r.remark()).contains("state table offset wrong"));
        assertThat(notHalf).isInstanceOfSatisfying(EndOutcome.Refused.class,
                r -> assertThat(r.remark()).contains("Find prepared transaction message failed"));
        assertThat(tx.opRecords()).isEmpty();
        // The message that is no half message stays where it was: one plain message, nothing committed.
        assertThat(tx.delivered()).extracting(StoredMessage::uniqueKey).containsExactly((String) null);
    }

    @Test
    void theCheckAsksAProducerOfTheGroupWithTheStoredMessageOnceTheTimeoutPassed() {
        start(Duration.ZERO, 15);
        tx.prepare("k1");

        var round = tx.checkRound();

        assertThat(round.checked()).isEqualTo(1);
        assertThat(tx.producer.oneways).hasSize(1);
        var request = tx.producer.oneways.get(0);
        assertThat(request.code()).isEqualTo(RequestCode.CHECK_TRANSACTION_STATE);
        assertThat(request.isOneway()).isTrue();
        var check = tx.checks().get(0);
        assertThat(check.msgId()).isEqualTo("k1");
        assertThat(check.transactionId()).isEqualTo("k1");
        assertThat(check.tranStateTableOffset()).isEqualTo(1); // the copy re-put at the tail
        var copy = tx.store.lookMessageByOffset(check.commitLogOffset()).orElseThrow();
        assertThat(copy.topic()).isEqualTo(SystemTopics.TRANS_HALF);
        assertThat(copy.property(MessageProperties.TRANSACTION_CHECK_TIMES)).isEqualTo("1");
        assertThat(copy.property(MessageProperties.TRANSACTION_PREPARED_QUEUE_OFFSET)).isEqualTo("0");
        assertThat(check.offsetMsgId()).isEqualTo(copy.offsetMsgId());
        var sent = MessageCodec.decode(ByteBuffer.wrap(request.body()), true);
        assertThat(sent.topic()).isEqualTo(TOPIC);
        assertThat(sent.queueId()).isEqualTo(3);
        assertThat(body(sent)).isEqualTo("body-k1");
        assertThat(sent.uniqueKey()).isEqualTo("k1");
        assertThat(sent.property(MessageProperties.PRODUCER_GROUP)).isEqualTo(GROUP);
        assertThat(sent.commitLogOffset()).isEqualTo(check.commitLogOffset());
        assertThat(round.halfOffset()).isEqualTo(1);
        assertThat(tx.offsets.query(HalfMessages.CHECK_GROUP, SystemTopics.TRANS_HALF, 0)).isEqualTo(1);
    }

    @Test
    void theAnswerToACheckCommitsOnceAndTheMessageIsNotCheckedAgain() {
        start(Duration.ZERO, 15);
        tx.prepare("k1");
        tx.checkRound();

        var outcome = tx.answer(tx.checks().get(0), TRANSACTION_COMMIT_TYPE);
        var next = tx.checkRound();

        assertThat(outcome).isInstanceOf(EndOutcome.Committed.class);
        assertThat(tx.delivered()).extracting(StoredMessage::uniqueKey).containsExactly("k1");
        assertThat(next.checked()).isZero();
        assertThat(next.skipped()).isEqualTo(1);
        assertThat(tx.producer.oneways).hasSize(1);
        assertThat(tx.service.endedAwaitingScan()).isZero();
    }

    @Test
    void aCommitRacingTheAnswerToACheckIsDeliveredOnce() {
        start(Duration.ZERO, 15);
        var half = tx.prepare("k1");
        tx.checkRound(); // the check re-puts a copy and asks, while the producer's own END is on its way

        var ownEnd = tx.end(half, TRANSACTION_COMMIT_TYPE);
        var answer = tx.answer(tx.checks().get(0), TRANSACTION_COMMIT_TYPE);
        tx.checkRound();

        assertThat(ownEnd).isInstanceOf(EndOutcome.Committed.class);
        assertThat(answer).isInstanceOf(EndOutcome.AlreadyEnded.class);
        assertThat(tx.delivered()).hasSize(1);
        assertThat(tx.producer.oneways).hasSize(1);
    }

    @Test
    void anUnknownAnswerIsAskedAgainEachRoundUntilTheMaximumThenDiscarded() {
        start(Duration.ZERO, 3);
        var half = tx.prepare("k1");

        for (int round = 0; round < 3; round++) {
            assertThat(tx.checkRound().checked()).isEqualTo(1);
            var last = tx.checks().get(tx.checks().size() - 1);
            assertThat(tx.answer(last, TRANSACTION_NOT_TYPE)).isInstanceOf(EndOutcome.StillPending.class);
        }
        var discardRound = tx.checkRound();

        assertThat(discardRound.discarded()).isEqualTo(1);
        assertThat(tx.service.discardedCount()).isEqualTo(1);
        assertThat(tx.producer.oneways).hasSize(3);
        var discarded = tx.messages(SystemTopics.TRANS_CHECK_MAX_TIME, 0);
        assertThat(discarded).hasSize(1);
        assertThat(discarded.get(0).uniqueKey()).isEqualTo("k1");
        assertThat(discarded.get(0).property(MessageProperties.REAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(discarded.get(0).property(MessageProperties.TRANSACTION_CHECK_TIMES)).isEqualTo("3");
        assertThat(tx.delivered()).isEmpty();
        // Settled: a late commit delivers nothing and the next round has nothing left to do.
        assertThat(tx.end(half, TRANSACTION_COMMIT_TYPE)).isInstanceOf(EndOutcome.AlreadyEnded.class);
        assertThat(tx.checkRound().examined()).isZero();
    }

    @Test
    void withoutAConnectedProducerTheMessageWaitsWithoutUsingUpItsChecks() {
        start(Duration.ZERO, 1);
        tx.producerConnected.set(false);
        tx.prepare("k1");

        var first = tx.checkRound();
        var second = tx.checkRound();
        tx.producerConnected.set(true);
        var third = tx.checkRound();

        assertThat(first.deferred()).isEqualTo(1);
        assertThat(second.deferred()).isEqualTo(1);
        assertThat(third.checked()).isEqualTo(1);
        assertThat(tx.checks()).hasSize(1);
        var copy = tx.store.lookMessageByOffset(tx.checks().get(0).commitLogOffset()).orElseThrow();
        assertThat(copy.property(MessageProperties.TRANSACTION_CHECK_TIMES)).isEqualTo("1");
    }

    @Test
    void youngMessagesStopTheScanAndStayWhereTheyAre() {
        start(Duration.ofHours(1), 15);
        tx.prepare("k1");
        tx.prepare("k2");

        var round = tx.checkRound();

        assertThat(round.examined()).isZero();
        assertThat(round.halfOffset()).isZero();
        assertThat(tx.store.maxOffset(SystemTopics.TRANS_HALF, 0)).isEqualTo(2);
        assertThat(tx.producer.oneways).isEmpty();
    }

    @Test
    void aProducersCheckImmunityDefersTheCheckWithoutHoldingUpTheOthers() {
        start(Duration.ZERO, 15);
        tx.service.prepare(TransactionFixture.draft("immune", "x")
                .withProperty(MessageProperties.CHECK_IMMUNITY_TIME_IN_SECONDS, "3600")).join();
        tx.prepare("k2");

        var round = tx.checkRound();

        assertThat(round.deferred()).isEqualTo(1);
        assertThat(round.checked()).isEqualTo(1);
        assertThat(tx.checks()).extracting(c -> c.msgId()).containsExactly("k2");
    }

    @Test
    void endedMessagesArePassedOnceAndTheirLedgerEntriesDropped() {
        start(Duration.ZERO, 15);
        for (int i = 0; i < 50; i++) {
            var half = tx.prepare("k" + i);
            tx.end(half, i % 2 == 0 ? TRANSACTION_COMMIT_TYPE : TRANSACTION_ROLLBACK_TYPE);
        }
        assertThat(tx.service.endedAwaitingScan()).isEqualTo(50);

        var first = tx.checkRound();
        var second = tx.checkRound();

        assertThat(first.skipped()).isEqualTo(50);
        assertThat(first.halfOffset()).isEqualTo(50);
        assertThat(first.opOffset()).isEqualTo(50);
        assertThat(second.examined()).isZero();
        assertThat(tx.service.endedAwaitingScan()).isZero();
        assertThat(tx.delivered()).hasSize(25);
        assertThat(tx.offsets.query(HalfMessages.CHECK_GROUP, SystemTopics.TRANS_OP_HALF, 0)).isEqualTo(50);
    }

    @Test
    void theTransactionFlagIsReadAsRocketMqParsesIt() {
        assertThat(HalfMessages.isPrepared(TransactionFixture.draft("k", "x"))).isTrue();
        assertThat(HalfMessages.isPrepared(TransactionFixture.draft("k", "x")
                .withProperty(MessageProperties.TRANSACTION_PREPARED, "TRUE"))).isTrue();
        assertThat(HalfMessages.isPrepared(TransactionFixture.draft("k", "x")
                .withProperty(MessageProperties.TRANSACTION_PREPARED, "false"))).isFalse();
        // A consumed transactional message sent back for a delayed retry by an old client is an ordinary message.
        assertThat(HalfMessages.isPrepared(TransactionFixture.draft("k", "x").withReconsumeTimes(1)
                .withProperty(MessageProperties.DELAY_TIME_LEVEL, "3"))).isFalse();
        assertThat(MessageSysFlag.transactionType(HalfMessages.toHalf(TransactionFixture.draft("k", "x")).sysFlag()))
                .isEqualTo(TRANSACTION_NOT_TYPE);
    }
}
