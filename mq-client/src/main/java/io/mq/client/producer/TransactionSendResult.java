package io.mq.client.producer;

import io.mq.client.SendResult;

/** The half message's send result and what the local transaction answered (and was sent to the broker). */
public record TransactionSendResult(SendResult sendResult, LocalTransactionState localState) {

    /** The unique id, also the transaction id. */
    public String msgId() {
        return sendResult.msgId();
    }

    public String transactionId() {
        return sendResult.msgId();
    }
}
