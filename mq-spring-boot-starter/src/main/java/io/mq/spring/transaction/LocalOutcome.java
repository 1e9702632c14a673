package io.mq.spring.transaction;

import io.mq.client.producer.LocalTransactionState;

/**
 * What became of a local transaction, as a {@link LocalTransaction} decides it or a check-back finds it: the half
 * message is then committed (delivered), rolled back (never delivered), or left for the broker to ask again.
 */
public enum LocalOutcome {
    COMMIT(LocalTransactionState.COMMIT_MESSAGE),
    ROLLBACK(LocalTransactionState.ROLLBACK_MESSAGE),
    /** Not decided yet (the transaction still runs somewhere): the broker asks again later. */
    UNKNOWN(LocalTransactionState.UNKNOW);

    private final LocalTransactionState state;

    LocalOutcome(LocalTransactionState state) {
        this.state = state;
    }

    /** The client's name for it, as END_TRANSACTION carries it. */
    public LocalTransactionState state() {
        return state;
    }
}
