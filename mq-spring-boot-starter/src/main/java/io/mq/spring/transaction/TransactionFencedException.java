package io.mq.spring.transaction;

/**
 * The database transaction came too late: a check-back found no row for its half message and fenced it as rolled
 * back, so the message is never delivered and this transaction must roll back too (it does, as this is thrown from
 * inside it).
 */
public class TransactionFencedException extends RuntimeException {

    public TransactionFencedException(String transactionId) {
        super("half message " + transactionId + " was already rolled back by a transaction check-back; "
                + "the database transaction must roll back");
    }
}
