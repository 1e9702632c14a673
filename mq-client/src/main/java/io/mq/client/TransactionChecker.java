package io.mq.client;

import io.mq.protocol.header.CheckTransactionStateRequestHeader;

/**
 * What a transactional producer group registers to answer CHECK_TRANSACTION_STATE: the broker at
 * {@code brokerAddress} asks for the outcome of the half message. Called on the client's request thread: hand the
 * work to an executor of your own and answer with END_TRANSACTION (fromTransactionCheck = true).
 */
@FunctionalInterface
public interface TransactionChecker {
    void check(String brokerAddress, MessageView halfMessage, CheckTransactionStateRequestHeader header);
}
