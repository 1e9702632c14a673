package io.mq.client.consumer;

import io.mq.client.MessageView;
import io.mq.protocol.body.MessageQueue;
import java.util.List;

/** Hands pulled messages to the application's listener, concurrently or in order. */
interface ConsumeDispatcher {

    /** New messages of a queue were put into its process queue; {@code idle}: no orderly task runs for it. */
    void dispatch(MessageQueue queue, ProcessQueue processQueue, List<MessageView> messages, boolean idle);

    /** Periodic chores (the consume timeout). */
    default void housekeeping(MessageQueue queue, ProcessQueue processQueue) {
    }

    /** Stops taking new work and waits (bounded) for the listener calls under way. */
    void shutdown();
}
