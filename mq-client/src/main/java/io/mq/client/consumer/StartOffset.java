package io.mq.client.consumer;

import io.mq.protocol.body.MessageQueue;
import java.time.Instant;

/**
 * Where consumption of a newly assigned queue begins, as the official client's RebalancePushImpl decides: the
 * stored offset when there is one, else by {@link ConsumeFrom} (retry topics start at 0 for LAST_OFFSET and at the
 * end for TIMESTAMP, since their messages are already due).
 */
public final class StartOffset {

    /** The queue bounds the decision may need. */
    public interface QueueBounds {
        long maxOffset(MessageQueue queue);

        long searchOffset(MessageQueue queue, long timestamp);
    }

    private StartOffset() {
    }

    public static long of(MessageQueue queue, OffsetStore offsets, ConsumeFrom from, Instant timestamp,
            QueueBounds bounds) {
        long stored = offsets.readStored(queue);
        if (stored >= 0) {
            return stored;
        }
        boolean retryTopic = queue.topic().startsWith("%RETRY%");
        return switch (from) {
            case LAST_OFFSET -> retryTopic ? 0 : bounds.maxOffset(queue);
            case FIRST_OFFSET -> 0; // a queue starting above 0 answers OFFSET_MOVED and the pull jumps ahead
            case TIMESTAMP -> retryTopic ? bounds.maxOffset(queue)
                    : bounds.searchOffset(queue, timestamp.toEpochMilli());
        };
    }
}
