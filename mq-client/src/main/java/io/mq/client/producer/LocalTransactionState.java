package io.mq.client.producer;

import io.mq.protocol.message.MessageSysFlag;

/** The outcome of a local transaction, as END_TRANSACTION carries it (8 commit, 12 rollback, 0 not known yet). */
public enum LocalTransactionState {
    COMMIT_MESSAGE(MessageSysFlag.TRANSACTION_COMMIT_TYPE),
    ROLLBACK_MESSAGE(MessageSysFlag.TRANSACTION_ROLLBACK_TYPE),
    /** Not known yet: the broker asks again later (CHECK_TRANSACTION_STATE). Spelled as in RocketMQ. */
    UNKNOW(MessageSysFlag.TRANSACTION_NOT_TYPE);

    private final int commitOrRollback;

    LocalTransactionState(int commitOrRollback) {
        this.commitOrRollback = commitOrRollback;
    }

    /** The {@code commitOrRollback} value of the END_TRANSACTION header. */
    public int commitOrRollback() {
        return commitOrRollback;
    }
}
