package io.mq.client.consumer;

import io.mq.protocol.body.MessageQueue;
import java.time.Duration;

/** About an orderly batch: its queue, and how long a {@code SUSPEND_CURRENT_QUEUE_A_MOMENT} pauses the queue. */
public final class OrderlyContext {

    private final MessageQueue queue;
    private volatile Duration suspendTime;

    OrderlyContext(MessageQueue queue, Duration suspendTime) {
        this.queue = queue;
        this.suspendTime = suspendTime;
    }

    public MessageQueue queue() {
        return queue;
    }

    public Duration suspendTime() {
        return suspendTime;
    }

    public void suspendTime(Duration suspendTime) {
        this.suspendTime = suspendTime;
    }
}
