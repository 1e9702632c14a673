package io.mq.client.consumer;

import io.mq.protocol.body.MessageQueue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory half of both offset stores. */
abstract class MemoryOffsets implements OffsetStore {

    protected final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();

    @Override
    public long read(MessageQueue queue) {
        return offsets.getOrDefault(queue, -1L);
    }

    @Override
    public void update(MessageQueue queue, long offset, boolean increaseOnly) {
        if (increaseOnly) {
            offsets.merge(queue, offset, Math::max);
        } else {
            offsets.put(queue, offset);
        }
    }

    @Override
    public void remove(MessageQueue queue) {
        offsets.remove(queue);
    }

    @Override
    public Map<MessageQueue, Long> snapshot() {
        return Map.copyOf(offsets);
    }
}
