package io.mq.client.producer;

import io.mq.client.MessageView;

/**
 * The application side of a transactional send: run the local transaction once the half message is stored, and
 * say later what became of it when the broker asks. Both get the half message with its transaction id
 * ({@link MessageView#transactionId()}, the message's unique id), so the two can meet on it.
 */
public interface TransactionListener {

    /** Runs the local transaction; an exception counts as {@link LocalTransactionState#UNKNOW}. */
    LocalTransactionState executeLocalTransaction(MessageView halfMessage, Object arg);

    /** Answers the broker's check-back; runs on the producer's check executor. */
    LocalTransactionState checkLocalTransaction(MessageView halfMessage);
}
