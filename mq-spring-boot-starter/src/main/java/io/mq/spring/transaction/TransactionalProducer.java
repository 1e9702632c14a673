package io.mq.spring.transaction;

import io.mq.client.ClientConfig;
import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.SendResult;
import io.mq.client.producer.LocalTransactionState;
import io.mq.client.producer.MqTransactionProducer;
import io.mq.client.producer.MqTransactionProducer.HalfMessage;
import io.mq.client.producer.ProducerConfig;
import io.mq.client.producer.TransactionListener;
import io.mq.client.producer.TransactionSendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transactional producer group: sends half messages tied to database transactions (the fence row written in
 * them, the message ended after them) and answers the broker's check-backs from the fence table, or from the
 * group's {@link LocalTransactionCheck} when it has one.
 */
final class TransactionalProducer implements TransactionListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionalProducer.class);

    private final String group;
    private final TransactionFence fence;
    private final LocalTransaction localTransaction;
    private final LocalTransactionCheck check;
    private final TransactionTemplate transactions;
    private final MqTransactionProducer producer;

    /**
     * @param localTransaction null unless the group has a {@link TransactionalListener} doing local work
     * @param check            null to answer from the fence table
     * @param transactions     runs the local work; null without local work
     */
    TransactionalProducer(ClientConfig clientConfig, ProducerConfig producerConfig, int checkThreads,
            TransactionFence fence, LocalTransaction localTransaction, LocalTransactionCheck check,
            TransactionTemplate transactions) {
        this.group = producerConfig.group();
        this.fence = fence;
        this.localTransaction = localTransaction;
        this.check = check;
        this.transactions = transactions;
        this.producer = MqTransactionProducer.start(clientConfig, producerConfig, this, checkThreads);
    }

    String group() {
        return group;
    }

    /**
     * Sends {@code message} as part of the caller's database transaction: the half message now, its fence row in
     * that transaction, its end after the transaction ends.
     */
    SendResult sendInCurrentTransaction(Message message) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalTransactionStateException("sendInTransaction needs an active Spring transaction (call it "
                    + "from a @Transactional method or a TransactionTemplate): the message is committed with it");
        }
        return joinCurrentTransaction(message).half().sendResult();
    }

    /**
     * Sends {@code message} and runs the group's {@link LocalTransaction} with {@code arg} in a database transaction
     * (joining the caller's when there is one). The message follows that transaction; an exception from the local
     * work rolls both back and is rethrown.
     */
    TransactionSendResult execute(Message message, Object arg) {
        if (localTransaction == null) {
            throw new IllegalStateException("producer group " + group + " has no @TransactionalListener bean "
                    + "implementing LocalTransaction");
        }
        var pending = transactions.execute(status -> {
            var joined = joinCurrentTransaction(message);
            var outcome = localTransaction.execute(joined.half().view(), arg);
            if (outcome == LocalOutcome.ROLLBACK) {
                status.setRollbackOnly();
            } else if (outcome != LocalOutcome.COMMIT) {
                throw new IllegalStateException("the local transaction of " + joined.half().transactionId()
                        + " answered " + outcome + "; only COMMIT or ROLLBACK end a database transaction");
            }
            return joined;
        });
        // Ended by now unless the caller's transaction, which this one joined, is still open.
        return new TransactionSendResult(pending.half().sendResult(), pending.synchronization().ended());
    }

    @Override
    public LocalTransactionState executeLocalTransaction(MessageView halfMessage, Object arg) {
        throw new UnsupportedOperationException("half messages of " + group + " are ended by their database "
                + "transaction");
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageView halfMessage) {
        var outcome = check != null ? check.check(halfMessage)
                : fence.check(halfMessage.transactionId(), group);
        log.debug("check-back of {} in {}: {}", halfMessage.transactionId(), group, outcome);
        return outcome == null ? LocalTransactionState.UNKNOW : outcome.state();
    }

    @Override
    public void close() {
        producer.close();
    }

    private Pending joinCurrentTransaction(Message message) {
        var half = producer.sendHalf(message);
        try {
            fence.record(half.transactionId(), group);
        } catch (RuntimeException e) {
            HalfMessageSynchronization.rollback(producer, half);
            throw e;
        }
        var synchronization = new HalfMessageSynchronization(producer, half);
        TransactionSynchronizationManager.registerSynchronization(synchronization);
        return new Pending(half, synchronization);
    }

    /** A half message joined to a database transaction, and how far that transaction got. */
    private record Pending(HalfMessage half, HalfMessageSynchronization synchronization) {
    }
}
