package io.mq.spring.dedup;

import io.mq.client.MessageView;
import io.mq.spring.listener.MqMessageHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener's handler made idempotent: each delivery runs in a database transaction that first marks the message
 * handled for the consumer group; a message already marked is acknowledged without calling the handler again.
 * The handler's own database work joins that transaction, so the mark and the effect commit together.
 */
public final class DeduplicatingMessageHandler implements MqMessageHandler {

    private final MqMessageHandler delegate;
    private final MqDeduplicator deduplicator;
    private final String consumerGroup;
    private final TransactionTemplate transactions;

    public DeduplicatingMessageHandler(MqMessageHandler delegate, MqDeduplicator deduplicator, String consumerGroup,
            TransactionTemplate transactions) {
        this.delegate = delegate;
        this.deduplicator = deduplicator;
        this.consumerGroup = consumerGroup;
        this.transactions = transactions;
    }

    @Override
    public void handle(MessageView message) {
        transactions.executeWithoutResult(status ->
                deduplicator.runOnce(consumerGroup, message, () -> delegate.handle(message)));
    }
}
