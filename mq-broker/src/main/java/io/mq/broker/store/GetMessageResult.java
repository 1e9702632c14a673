package io.mq.broker.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages read from a queue, copied out of the commit log into one buffer in the stored encoding, one after
 * another (send them as they are), and where the consumer goes next.
 */
public final class GetMessageResult {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final GetMessageStatus status;
    private final ByteBuffer body;
    private final int messageCount;
    private final long nextBeginOffset;
    private final long minOffset;
    private final long maxOffset;

    /**
     * @param body the messages' records back to back, from position 0 to the limit; empty unless FOUND
     * @param nextBeginOffset the queue offset to pull from next
     * @param minOffset the queue's first kept logical offset
     * @param maxOffset the queue's next logical offset (one past the last message)
     */
    GetMessageResult(GetMessageStatus status, ByteBuffer body, int messageCount, long nextBeginOffset, long minOffset,
            long maxOffset) {
        this.status = status;
        this.body = body;
        this.messageCount = messageCount;
        this.nextBeginOffset = nextBeginOffset;
        this.minOffset = minOffset;
        this.maxOffset = maxOffset;
    }

    static GetMessageResult empty(GetMessageStatus status, long nextBeginOffset, long minOffset, long maxOffset) {
        return new GetMessageResult(status, EMPTY, 0, nextBeginOffset, minOffset, maxOffset);
    }

    public GetMessageStatus status() {
        return status;
    }

    /**
     * Every message's stored record back to back: the body of a pull response as it is. A view of the result's own
     * heap buffer (so that a transport can send it without a copy): read it, do not change it.
     */
    public ByteBuffer body() {
        return body.duplicate();
    }

    /** One read-only view of {@link #body()} per message, in queue order; empty unless FOUND. */
    public List<ByteBuffer> messages() {
        var messages = new ArrayList<ByteBuffer>(messageCount);
        for (int at = 0; at < body.limit(); ) {
            int size = body.getInt(at); // every stored record starts with its size
            messages.add(body.slice(at, size).asReadOnlyBuffer());
            at += size;
        }
        return messages;
    }

    public long nextBeginOffset() {
        return nextBeginOffset;
    }

    public long minOffset() {
        return minOffset;
    }

    public long maxOffset() {
        return maxOffset;
    }

    public int messageCount() {
        return messageCount;
    }

    public int totalBytes() {
        return body.limit();
    }

    @Override
    public String toString() {
        return "GetMessageResult[" + status + ", " + messageCount + " messages, " + body.limit() + " bytes, next "
                + nextBeginOffset + ", min " + minOffset + ", max " + maxOffset + "]";
    }
}
