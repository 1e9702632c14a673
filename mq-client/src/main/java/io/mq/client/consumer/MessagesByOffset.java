package io.mq.client.consumer;

import io.mq.client.MessageView;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Messages by queue offset, for a {@link ProcessQueue}: a sorted map from offset to message, plus when each went to
 * the listener. Pulls append at ever higher offsets and consumption removes anywhere, so the entries are parallel
 * arrays sorted by offset (appends at the end, binary search elsewhere) and a removal only clears its slot; the
 * cleared slots between the first and the last message go when the arrays would otherwise grow. That spares the
 * boxed keys and tree nodes of a {@code TreeMap<Long, ...>} on every pulled message. Not thread-safe.
 */
final class MessagesByOffset {

    /** The start time of a message no listener call has begun on. */
    static final long NOT_STARTED = Long.MIN_VALUE;

    private long[] offsets;
    private MessageView[] messages; // null in a cleared slot
    private long[] starts;
    private int head; // slots [head, tail) hold the messages and cleared slots, offsets ascending
    private int tail;
    private int size;

    MessagesByOffset(int initialCapacity) {
        int capacity = Math.max(4, initialCapacity);
        offsets = new long[capacity];
        messages = new MessageView[capacity];
        starts = new long[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds or replaces the message at {@code offset}; true when it is new (a replacement keeps its start time). */
    boolean put(long offset, MessageView message) {
        Objects.requireNonNull(message, "message");
        if (size == 0) {
            head = 0;
            tail = 0;
        }
        if (head == tail || offset > offsets[tail - 1]) {
            if (tail == offsets.length) {
                makeRoom();
            }
            set(tail++, offset, message);
            return true;
        }
        int found = Arrays.binarySearch(offsets, head, tail, offset);
        if (found >= 0) {
            boolean fresh = messages[found] == null;
            messages[found] = message;
            if (fresh) {
                starts[found] = NOT_STARTED;
                size++;
            }
            return fresh;
        }
        int at = -found - 1;
        if (at == head && head > 0) { // in front, where an orderly batch goes back
            set(--head, offset, message);
            return true;
        }
        if (tail == offsets.length) {
            makeRoom();
            at = -Arrays.binarySearch(offsets, head, tail, offset) - 1;
        }
        System.arraycopy(offsets, at, offsets, at + 1, tail - at);
        System.arraycopy(messages, at, messages, at + 1, tail - at);
        System.arraycopy(starts, at, starts, at + 1, tail - at);
        tail++;
        set(at, offset, message);
        return true;
    }

    MessageView get(long offset) {
        int found = find(offset);
        return found < 0 ? null : messages[found];
    }

    /** Removes the message at {@code offset}; the removed one, or null when there was none. */
    MessageView remove(long offset) {
        int found = find(offset);
        if (found < 0 || messages[found] == null) {
            return null;
        }
        var removed = messages[found];
        messages[found] = null;
        size--;
        if (size == 0) {
            head = 0;
            tail = 0;
        } else {
            while (messages[head] == null) {
                head++;
            }
            while (messages[tail - 1] == null) {
                tail--;
            }
        }
        return removed;
    }

    /** The smallest offset held; throws when empty. */
    long firstOffset() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return offsets[head];
    }

    /** The largest offset held; throws when empty. */
    long lastOffset() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return offsets[tail - 1];
    }

    /** Records when a listener call began on the message at {@code offset}; false when none is held there. */
    boolean started(long offset, long startMillis) {
        int found = find(offset);
        if (found < 0 || messages[found] == null) {
            return false;
        }
        starts[found] = startMillis;
        return true;
    }

    /** The start time recorded for the message at {@code offset}, or {@link #NOT_STARTED}. */
    long startOf(long offset) {
        int found = find(offset);
        return found < 0 || messages[found] == null ? NOT_STARTED : starts[found];
    }

    /** Each message whose listener call began before {@code deadlineMillis}, by ascending offset. */
    void forEachStartedBefore(long deadlineMillis, Consumer<MessageView> action) {
        for (int i = head; i < tail; i++) {
            if (messages[i] != null && starts[i] != NOT_STARTED && starts[i] < deadlineMillis) {
                action.accept(messages[i]);
            }
        }
    }

    /** Each message by ascending offset. */
    void forEach(Consumer<MessageView> action) {
        for (int i = head; i < tail; i++) {
            if (messages[i] != null) {
                action.accept(messages[i]);
            }
        }
    }

    void clear() {
        Arrays.fill(messages, head, tail, null);
        head = 0;
        tail = 0;
        size = 0;
    }

    private int find(long offset) {
        return size == 0 ? -1 : Arrays.binarySearch(offsets, head, tail, offset);
    }

    private void set(int slot, long offset, MessageView message) {
        offsets[slot] = offset;
        messages[slot] = message;
        starts[slot] = NOT_STARTED;
        size++;
    }

    /**
     * The arrays are full up to their end: moves the messages to the front without the cleared slots, and doubles
     * the arrays when that would leave them more than half full (so that compacting stays amortised constant).
     */
    private void makeRoom() {
        int capacity = size * 2 >= offsets.length ? offsets.length * 2 : offsets.length;
        var newOffsets = capacity == offsets.length ? offsets : new long[capacity];
        var newMessages = capacity == offsets.length ? messages : new MessageView[capacity];
        var newStarts = capacity == offsets.length ? starts : new long[capacity];
        int to = 0;
        for (int from = head; from < tail; from++) {
            if (messages[from] != null) {
                newOffsets[to] = offsets[from];
                newMessages[to] = messages[from];
                newStarts[to] = starts[from];
                to++;
            }
        }
        if (newMessages == messages) {
            Arrays.fill(messages, to, tail, null);
        }
        offsets = newOffsets;
        messages = newMessages;
        starts = newStarts;
        head = 0;
        tail = to;
    }
}
