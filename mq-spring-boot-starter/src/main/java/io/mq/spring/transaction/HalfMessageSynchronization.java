package io.mq.spring.transaction;

import io.mq.client.producer.LocalTransactionState;
import io.mq.client.producer.MqTransactionProducer;
import io.mq.client.producer.MqTransactionProducer.HalfMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Ends a half message when the database transaction it belongs to ends: commit after the commit, rollback after
 * the rollback. When telling the broker fails, or the outcome is unknown (the commit itself failed), the broker's
 * check-back settles it from the fence table.
 */
final class HalfMessageSynchronization implements TransactionSynchronization {

    private static final Logger log = LoggerFactory.getLogger(HalfMessageSynchronization.class);

    private final MqTransactionProducer producer;
    private final HalfMessage half;
    private volatile LocalTransactionState ended = LocalTransactionState.UNKNOW;

    HalfMessageSynchronization(MqTransactionProducer producer, HalfMessage half) {
        this.producer = producer;
        this.half = half;
    }

    /** What the database transaction came to, as far as it has: UNKNOW until it ends. */
    LocalTransactionState ended() {
        return ended;
    }

    @Override
    public void afterCommit() {
        ended = LocalTransactionState.COMMIT_MESSAGE;
        try {
            producer.commit(half);
        } catch (RuntimeException e) {
            log.warn("database committed but committing half message {} failed; the check-back will commit it: {}",
                    half.transactionId(), e.getMessage());
        }
    }

    @Override
    public void afterCompletion(int status) {
        if (status == STATUS_ROLLED_BACK) {
            ended = LocalTransactionState.ROLLBACK_MESSAGE;
            rollback(producer, half);
        } else if (status == STATUS_UNKNOWN) {
            log.warn("the database transaction of half message {} ended in an unknown state; the check-back decides",
                    half.transactionId());
        }
    }

    static void rollback(MqTransactionProducer producer, HalfMessage half) {
        try {
            producer.rollback(half);
        } catch (RuntimeException e) {
            log.warn("rolling back half message {} failed; the check-back will roll it back: {}",
                    half.transactionId(), e.getMessage());
        }
    }
}
