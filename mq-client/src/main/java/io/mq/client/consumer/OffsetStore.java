package io.mq.client.consumer;

import io.mq.protocol.body.MessageQueue;
import java.util.Collection;
import java.util.Map;

/**
 * A consumer's offsets: the next offset to consume per queue, kept in memory and persisted now and then, at the
 * broker (clustering) or in a local file (broadcasting).
 */
public interface OffsetStore {

    /** Loads what a previous run persisted (a no-op for the broker's store). */
    void load();

    /** The offset held in memory; -1 when none. */
    long read(MessageQueue queue);

    /** The persisted offset (asking the broker, or the loaded file); -1 when there is none. Throws on failure. */
    long readStored(MessageQueue queue);

    /** Sets the offset in memory; with {@code increaseOnly} a smaller value than the one held is ignored. */
    void update(MessageQueue queue, long offset, boolean increaseOnly);

    /** Persists the offsets of these queues (those held in memory). Failures are logged, not thrown. */
    void persist(Collection<MessageQueue> queues);

    /** Forgets a queue (after it went to another consumer and its offset was persisted). */
    void remove(MessageQueue queue);

    /** The offsets held in memory. */
    Map<MessageQueue, Long> snapshot();
}
