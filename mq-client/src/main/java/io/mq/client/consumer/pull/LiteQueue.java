package io.mq.client.consumer.pull;

import io.mq.client.consumer.TopicSubscription;
import io.mq.protocol.body.MessageQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One queue a lite pull consumer reads: where its background pull stands, how many of its messages wait in the
 * buffer, and a generation that a seek bumps so that messages fetched before the seek are thrown away.
 */
final class LiteQueue {

    final MessageQueue queue;
    final TopicSubscription subscription;
    final AtomicInteger buffered = new AtomicInteger();
    private volatile long nextPullOffset;
    private volatile int generation;
    private volatile boolean dropped;

    LiteQueue(MessageQueue queue, TopicSubscription subscription, long start) {
        this.queue = queue;
        this.subscription = subscription;
        this.nextPullOffset = start;
    }

    long nextPullOffset() {
        return nextPullOffset;
    }

    void nextPullOffset(long offset) {
        this.nextPullOffset = offset;
    }

    int generation() {
        return generation;
    }

    /** Moves the queue to {@code offset}: a new generation, whose pull loop the caller starts. */
    synchronized int seek(long offset) {
        nextPullOffset = offset;
        return ++generation;
    }

    boolean isCurrent(int generation) {
        return !dropped && this.generation == generation;
    }

    boolean isDropped() {
        return dropped;
    }

    void drop() {
        dropped = true;
    }
}
