package io.mq.client.consumer;

import io.mq.client.MessageView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages of one assigned queue between pull and consumption, ordered by queue offset. The committed offset is
 * the smallest offset still held (everything below it is consumed), or one past the highest pulled when nothing is
 * held. Orderly consumption moves messages to a "consuming" set until the listener's verdict.
 */
public final class ProcessQueue {

    /** A broker lock not renewed for this long is no longer trusted (RocketMQ's rebalance lock lifetime). */
    static final long LOCK_LIFETIME_MILLIS = 30_000;

    private final MessagesByOffset messages = new MessagesByOffset(64);
    private final MessagesByOffset consuming = new MessagesByOffset(16);
    private long bytes;
    private long highestOffset = -1;
    private boolean orderlyBusy;

    /** Held by an orderly listener call, so a rebalance does not give the queue away in the middle of one. */
    final ReentrantLock consumeLock = new ReentrantLock();

    private volatile boolean dropped;
    private volatile boolean locked;
    private volatile long lastLockMillis;
    private volatile long nextOffset;

    ProcessQueue(long nextOffset) {
        this.nextOffset = nextOffset;
    }

    /** Adds pulled messages; true when an orderly consumer should start a consume task (none is running). */
    public synchronized boolean put(List<MessageView> pulled) {
        for (var m : pulled) {
            if (messages.put(m.queueOffset(), m)) {
                bytes += bodyLength(m);
            }
            highestOffset = Math.max(highestOffset, m.queueOffset());
        }
        if (!messages.isEmpty() && !orderlyBusy) {
            orderlyBusy = true;
            return true;
        }
        return false;
    }

    /**
     * Removes consumed messages and answers the offset to commit: the smallest still held, else one past the highest
     * pulled; -1 when nothing was held.
     */
    public synchronized long remove(List<MessageView> consumed) {
        if (messages.isEmpty()) {
            return -1;
        }
        for (var m : consumed) {
            var removed = messages.remove(m.queueOffset());
            if (removed != null) {
                bytes -= bodyLength(removed);
            }
        }
        return messages.isEmpty() ? highestOffset + 1 : messages.firstOffset();
    }

    public synchronized int count() {
        return messages.size() + consuming.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized boolean isEmpty() {
        return messages.isEmpty() && consuming.isEmpty();
    }

    /** Concurrent consumption: remembers when these messages went to the listener, for the consume timeout. */
    synchronized void consumeStarted(List<MessageView> batch, long nowMillis) {
        for (var m : batch) {
            messages.started(m.queueOffset(), nowMillis);
        }
    }

    /** Messages whose listener call started before {@code deadlineMillis} and is still not over. */
    synchronized List<MessageView> consumingSince(long deadlineMillis) {
        var result = new ArrayList<MessageView>();
        messages.forEachStartedBefore(deadlineMillis, result::add);
        return result;
    }

    // ---- orderly

    /** Takes the next messages in order into the consuming set; empty (and idle again) when none is left. */
    synchronized List<MessageView> take(int max) {
        var batch = new ArrayList<MessageView>(max);
        while (batch.size() < max && !messages.isEmpty()) {
            long offset = messages.firstOffset();
            var m = messages.remove(offset);
            consuming.put(offset, m);
            batch.add(m);
        }
        if (batch.isEmpty()) {
            orderlyBusy = false;
        }
        return batch;
    }

    /** The consuming set is done: the offset after it, to commit; -1 when it was empty. */
    synchronized long commit() {
        if (consuming.isEmpty()) {
            return -1;
        }
        long next = consuming.lastOffset() + 1;
        consuming.forEach(m -> bytes -= bodyLength(m));
        consuming.clear();
        return next;
    }

    /** Puts a failed batch back in front of the queue (with their updated retry counts). */
    synchronized void consumeAgain(List<MessageView> batch) {
        for (var m : batch) {
            consuming.remove(m.queueOffset());
            messages.put(m.queueOffset(), m);
        }
    }

    private static int bodyLength(MessageView m) {
        return m.body() == null ? 0 : m.body().length;
    }

    // ---- state

    public boolean isDropped() {
        return dropped;
    }

    void drop() {
        dropped = true;
    }

    boolean isLocked() {
        return locked && System.currentTimeMillis() - lastLockMillis <= LOCK_LIFETIME_MILLIS;
    }

    void locked(boolean locked) {
        this.locked = locked;
        if (locked) {
            lastLockMillis = System.currentTimeMillis();
        }
    }

    long nextOffset() {
        return nextOffset;
    }

    void nextOffset(long nextOffset) {
        this.nextOffset = nextOffset;
    }
}
