package io.mq.broker.processor.pull;

import io.mq.protocol.transport.RemoteChannel;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bytes of pull answers handed to a connection but not yet taken in by its transport, per connection. An answer
 * carries a copy of its messages, and the transport counts it against the connection's writability only once its
 * encoder has run: until then a burst of pipelined pulls all see a writable connection and all copy their messages.
 * Counting them here lets the pull path see such a connection as backed up at once.
 */
final class AnswersInFlight {
    /** Beyond this much not yet taken in, a connection counts as backed up (one full answer, 256 KB). */
    static final long BACKED_UP_BYTES = 256 * 1024;
    /** Connections gone before their answers were taken in never count down: forget them past this many. */
    private static final int PURGE_ABOVE = 256;

    private final ConcurrentHashMap<RemoteChannel, Long> pending = new ConcurrentHashMap<>();

    boolean isBackedUp(RemoteChannel channel) {
        return pending.getOrDefault(channel, 0L) >= BACKED_UP_BYTES;
    }

    /**
     * The body of an answer to {@code channel}, counted until the transport releases it; null, with nothing
     * counted, when the connection has become unwritable since the pull looked, or when the body would take it
     * past {@link #BACKED_UP_BYTES} (one answer always goes). Checked and counted in one step, so concurrent pulls
     * of one connection cannot all slip through.
     */
    ByteBuf track(RemoteChannel channel, ByteBuffer body) {
        if (!channel.isWritable()) {
            return null;
        }
        long bytes = body.remaining();
        if (pending.size() > PURGE_ABOVE) {
            pending.keySet().removeIf(c -> !c.isActive());
        }
        var counted = new boolean[1];
        pending.compute(channel, (c, total) -> {
            long before = total == null ? 0 : total;
            counted[0] = before == 0 || before + bytes <= BACKED_UP_BYTES;
            return counted[0] ? Long.valueOf(before + bytes) : total;
        });
        if (!counted[0]) {
            return null;
        }
        return new TrackedBody(body, () -> pending.computeIfPresent(channel,
                (c, total) -> total - bytes <= 0 ? null : total - bytes));
    }

    /** A heap buffer over the body's bytes (no copy) that reports when the transport has let go of it. */
    private static final class TrackedBody extends UnpooledHeapByteBuf {
        private final Runnable onRelease;

        TrackedBody(ByteBuffer body, Runnable onRelease) {
            super(UnpooledByteBufAllocator.DEFAULT, heapArray(body), heapArray(body).length);
            this.onRelease = onRelease;
            setIndex(body.arrayOffset() + body.position(), body.arrayOffset() + body.limit());
        }

        private static byte[] heapArray(ByteBuffer body) {
            if (!body.hasArray()) {
                throw new IllegalArgumentException("a pull answer's body is a heap buffer");
            }
            return body.array();
        }

        @Override
        protected void deallocate() {
            super.deallocate();
            onRelease.run();
        }
    }
}
