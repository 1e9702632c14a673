package io.mq.broker.store;

import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageFormatException;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.message.StoredMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the commit log's tail on its own thread: reads each new message's header, appends its consume-queue
 * entry and tells the listeners. The writer only nudges it, so building the index never slows an append, and
 * readers of consume queues never wait for the writer.
 */
final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Added to the delivery latency of a message that arrives while others are being dispatched, at most. */
    private static final long LINGER_NANOS = TimeUnit.MICROSECONDS.toNanos(250);

    private final CommitLog commitLog;
    /** Reads the log's tail a buffer at a time, not a read per message; used by one thread at a time. */
    private final ReadAhead reader;
    private final ConsumeQueueTable consumeQueues;
    private final TagsCodeCalculator tagsCodes;
    private final List<MessageArrivedListener> listeners = new CopyOnWriteArrayList<>();
    private final List<StoredMessageListener> storedListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running;
    private volatile long dispatchedOffset;
    /** Set while the thread is (about to be) parked: only then does an append pay for an unpark. */
    private volatile boolean idle;

    Dispatcher(CommitLog commitLog, ConsumeQueueTable consumeQueues, TagsCodeCalculator tagsCodes) {
        this.commitLog = commitLog;
        this.reader = commitLog.readAhead();
        this.consumeQueues = consumeQueues;
        this.tagsCodes = tagsCodes;
        this.thread = StoreThreads.named("dispatcher").newThread(this::run);
    }

    void addListener(MessageArrivedListener listener) {
        listeners.add(listener);
    }

    void addStoredListener(StoredMessageListener listener) {
        storedListeners.add(listener);
    }

    /** Commit-log offset up to which every message has its consume-queue entry. */
    long dispatchedOffset() {
        return dispatchedOffset;
    }

    /**
     * Dispatches, on the calling thread, everything from {@code from} to the current end of the log. Recovery uses
     * it before the thread starts; entries already present are skipped.
     */
    void catchUp(long from) {
        dispatchedOffset = from;
        dispatchAvailable();
    }

    void start() {
        running = true;
        thread.start();
    }

    /** Called by the writer after an append. */
    void wakeup() {
        if (idle) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (running) {
            try {
                long end = commitLog.maxOffset();
                if (dispatchAvailable()) {
                    lingerForMoreAppends();
                } else {
                    parkUntilAppendedAfter(end);
                }
            } catch (RuntimeException e) {
                log.error("dispatch failed at commit log offset {}", dispatchedOffset, e);
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
        }
    }

    /**
     * Waits a moment after catching up, still counted as busy so that appends meanwhile do not unpark it. Under a
     * steady stream this reads the log in batches, a wake-up per linger instead of one per couple of appends (each
     * a futex call on the sender's thread and a context switch here: lingering took a sixth off the broker's CPU
     * per send at 30k sends/s); a message that finds the thread idle is still dispatched at once.
     */
    private void lingerForMoreAppends() {
        LockSupport.parkNanos(this, LINGER_NANOS);
    }

    /**
     * Parks until the writer's next wakeup (or the idle period) unless the log grew past {@code end} meanwhile. The
     * flag is raised before the log's end is looked at again, and the writer moves the end before it looks at the
     * flag: so one of the two always sees the other.
     */
    private void parkUntilAppendedAfter(long end) {
        idle = true;
        try {
            if (commitLog.maxOffset() == end) {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
        } finally {
            idle = false;
        }
    }

    /** Returns whether anything was dispatched. */
    private boolean dispatchAvailable() {
        long offset = dispatchedOffset;
        long start = offset;
        long end = commitLog.maxOffset();
        while (offset < end) {
            long next = dispatchOne(offset);
            if (next == offset) {
                break;
            }
            offset = next;
            dispatchedOffset = offset;
        }
        return offset > start;
    }

    /** Returns the offset after the record at {@code offset}, or {@code offset} when it cannot be read yet. */
    private long dispatchOne(long offset) {
        var header = reader.window(offset, MessageCodec.BLANK_RECORD_MIN_SIZE);
        if (header == null) {
            return offset;
        }
        int size = header.getInt(0);
        if (header.getInt(MessageCodec.MAGIC_CODE_POSITION) == MessageCodec.BLANK_MAGIC_CODE) {
            return commitLog.nextSegmentStart(offset);
        }
        var record = reader.window(offset, size);
        if (record == null) {
            return offset;
        }
        StoredMessage message;
        try {
            message = MessageCodec.decode(record, false);
        } catch (MessageFormatException e) {
            log.error("unreadable message at commit log offset {}, skipping {} bytes", offset, size, e);
            return offset + size;
        }
        if (MessageSysFlag.entersConsumeQueue(message.sysFlag())) {
            long tagsCode = tagsCodes.tagsCode(message);
            var queue = consumeQueues.findOrCreate(message.topic(), message.queueId());
            if (queue.put(message.queueOffset(), offset, size, tagsCode)) {
                notifyListeners(message, tagsCode);
            }
        }
        notifyStoredListeners(message);
        return offset + size;
    }

    private void notifyListeners(StoredMessage message, long tagsCode) {
        for (var listener : listeners) {
            try {
                listener.onArrived(message.topic(), message.queueId(), message.queueOffset(), tagsCode,
                        message.properties());
            } catch (RuntimeException e) {
                log.warn("message arrived listener failed", e);
            }
        }
    }

    private void notifyStoredListeners(StoredMessage message) {
        for (var listener : storedListeners) {
            try {
                listener.onStored(message);
            } catch (RuntimeException e) {
                log.warn("stored message listener failed at commit log offset {}", message.commitLogOffset(), e);
            }
        }
    }

    /** Stops the thread, then dispatches whatever is left so that the consume queues end with the log. */
    void shutdown() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatchAvailable();
    }

    /** Stops the thread without finishing the work (a simulated crash). */
    void halt() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
