package io.mq.spring.transaction;

import io.mq.client.MessageView;

/**
 * The local work of a transactional message, in a bean annotated {@link TransactionalListener}. It runs inside a
 * Spring-managed database transaction, after the half message is stored and its fence row written: return
 * {@link LocalOutcome#COMMIT} and the transaction commits, then the message is delivered; return
 * {@link LocalOutcome#ROLLBACK} or throw and both roll back. {@link LocalOutcome#UNKNOWN} is not an answer here.
 */
@FunctionalInterface
public interface LocalTransaction {

    /**
     * @param halfMessage the stored half message (its {@code transactionId()} is what a check-back asks about)
     * @param arg         what the sender passed along, e.g. the business command
     */
    LocalOutcome execute(MessageView halfMessage, Object arg);
}
