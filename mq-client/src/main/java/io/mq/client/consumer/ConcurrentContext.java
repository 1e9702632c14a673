package io.mq.client.consumer;

import io.mq.protocol.body.MessageQueue;

/** About a concurrently consumed batch: its queue, and the delay level a {@code RECONSUME_LATER} asks for. */
public final class ConcurrentContext {

    private final MessageQueue queue;
    private volatile int delayLevelWhenNextConsume;

    ConcurrentContext(MessageQueue queue) {
        this.queue = queue;
    }

    public MessageQueue queue() {
        return queue;
    }

    /** 0 (default): the broker picks the level from the reconsume count; -1: straight to the dead-letter queue. */
    public int delayLevelWhenNextConsume() {
        return delayLevelWhenNextConsume;
    }

    public void delayLevelWhenNextConsume(int level) {
        this.delayLevelWhenNextConsume = level;
    }
}
