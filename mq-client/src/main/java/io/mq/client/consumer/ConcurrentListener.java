package io.mq.client.consumer;

import io.mq.client.MessageView;
import java.util.List;

/**
 * Consumes batches on the consumer's thread pool, several at once and in no particular order. A thrown exception or
 * a null result counts as {@link ConsumeResult#RECONSUME_LATER}.
 */
@FunctionalInterface
public non-sealed interface ConcurrentListener extends MessageListener {

    ConsumeResult consume(List<MessageView> messages, ConcurrentContext context);
}
