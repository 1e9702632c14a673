package io.mq.spring.transaction;

import io.mq.client.MessageView;

/**
 * An application's own answer to the broker's check-back, in a bean annotated {@link TransactionalListener}: it
 * replaces the fence table's answer for that producer group. Rarely needed; the fence answers exactly on its own.
 */
@FunctionalInterface
public interface LocalTransactionCheck {

    /** COMMIT, ROLLBACK, or UNKNOWN to be asked again later. */
    LocalOutcome check(MessageView halfMessage);
}
