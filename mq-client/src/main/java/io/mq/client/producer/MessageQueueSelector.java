package io.mq.client.producer;

import io.mq.client.Message;
import io.mq.protocol.body.MessageQueue;
import java.util.List;

/** Picks the queue of a message, e.g. by a business key so that messages of one key stay in order. */
@FunctionalInterface
public interface MessageQueueSelector {

    MessageQueue select(List<MessageQueue> queues, Message message, Object arg);

    /**
     * The queue at {@code arg.hashCode()} modulo the queue count, as the official {@code SelectMessageQueueByHash}:
     * messages with equal keys go to the same queue, whichever of the two clients sends them.
     */
    static MessageQueueSelector byHash() {
        return (queues, message, arg) -> {
            int index = arg.hashCode() % queues.size();
            return queues.get(index < 0 ? Math.abs(index) : index);
        };
    }
}
