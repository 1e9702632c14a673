package io.mq.broker.store;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Messages read from a queue, as read-only slices of the commit log in the stored encoding (send them as they are),
 * and where the consumer goes next.
 *
 * @param messages one buffer per message, in queue order; empty unless FOUND
 * @param nextBeginOffset the queue offset to pull from next
 * @param minOffset the queue's first kept logical offset
 * @param maxOffset the queue's next logical offset (one past the last message)
 */
public record GetMessageResult(
        GetMessageStatus status,
        List<ByteBuffer> messages,
        long nextBeginOffset,
        long minOffset,
        long maxOffset) {

    public GetMessageResult {
        messages = List.copyOf(messages);
    }

    public int messageCount() {
        return messages.size();
    }

    public int totalBytes() {
        int total = 0;
        for (var message : messages) {
            total += message.remaining();
        }
        return total;
    }
}
