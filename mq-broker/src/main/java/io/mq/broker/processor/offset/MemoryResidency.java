package io.mq.broker.processor.offset;

import io.mq.broker.store.GetMessageStatus;
import io.mq.broker.store.MessageFilter;
import io.mq.broker.store.MessageStore;
import io.mq.protocol.message.MessageCodec;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Whether a queue's first message is still "in memory" in RocketMQ's sense: its commit-log offset lies within the
 * last {@code accessMessageInMemoryMaxRatio} (40 %) of physical memory's worth of commit log. RocketMQ answers a
 * never-committed group's offset query with 0 only then, so a new group does not replay a long history.
 */
final class MemoryResidency {

    /** RocketMQ's accessMessageInMemoryMaxRatio default. */
    static final int IN_MEMORY_PERCENT = 40;

    private final MessageStore store;
    private final LongSupplier inMemoryBytes;

    MemoryResidency(MessageStore store, long inMemoryBytes) {
        this(store, () -> inMemoryBytes);
    }

    private MemoryResidency(MessageStore store, LongSupplier inMemoryBytes) {
        this.store = store;
        this.inMemoryBytes = inMemoryBytes;
    }

    /**
     * With RocketMQ's budget: 40 % of the machine's physical memory, read at the first query, not at start-up
     * (asking the JVM loads its management and container-metrics classes, a cost the first send should not wait on).
     */
    static MemoryResidency ofPhysicalMemory(MessageStore store) {
        return new MemoryResidency(store, () -> PhysicalMemory.BUDGET);
    }

    /**
     * RocketMQ 4.9.7's {@code checkInDiskByConsumeOffset(topic, queueId, offset)}: true only when the queue has an
     * entry at {@code offset} whose message lies further back in the commit log than the in-memory budget.
     */
    boolean isOnDisk(String group, String topic, int queueId, long offset) {
        var result = store.getMessages(group, topic, queueId, offset, 1, Integer.MAX_VALUE, MessageFilter.ALL);
        if (result.messages().isEmpty()) {
            // No entry (an empty queue): RocketMQ says "not on disk". An entry whose message is gone: far back.
            return result.status() == GetMessageStatus.MESSAGE_WAS_REMOVING;
        }
        var message = result.messages().get(0);
        long commitLogOffset = message.getLong(message.position() + MessageCodec.PHYSICAL_OFFSET_POSITION);
        return store.commitLogMaxOffset() - commitLogOffset > inMemoryBytes.getAsLong();
    }

    /** Initialised (once, thread-safely) by the JVM when first used. */
    private static final class PhysicalMemory {
        static final long BUDGET = physicalMemoryBytes() * IN_MEMORY_PERCENT / 100;

        private static long physicalMemoryBytes() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getTotalMemorySize();
            }
            return Runtime.getRuntime().maxMemory(); // a JVM without the extension: a conservative stand-in
        }
    }
}
