package io.mq.client.consumer;

import io.mq.client.MessageView;
import java.util.List;

/**
 * Consumes each queue's messages one batch at a time, in queue order; in clustering the queue is locked at the
 * broker first so that no other member of the group consumes it meanwhile. A thrown exception or a null result
 * counts as {@link OrderlyResult#SUSPEND_CURRENT_QUEUE_A_MOMENT}.
 */
@FunctionalInterface
public non-sealed interface OrderlyListener extends MessageListener {

    OrderlyResult consume(List<MessageView> messages, OrderlyContext context);
}
