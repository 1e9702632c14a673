package io.mq.broker.store;

import java.nio.ByteBuffer;

/**
 * Reads the commit log front to back through one buffer refilled with one positional read, instead of a read per
 * record: what the dispatcher and recovery use. One thread at a time; a view it returns is valid until the next call.
 * Bytes below a segment's write position never change, so what the buffer holds never goes stale.
 */
final class ReadAhead {
    static final int DEFAULT_CAPACITY = 256 * 1024;

    private final SegmentList<FileSegment> segments;
    private final ByteBuffer buffer;
    /** Log offset of the buffer's first byte, and how many bytes from there it holds. */
    private long bufferedFrom;
    private int buffered;

    ReadAhead(SegmentList<FileSegment> segments, int capacity) {
        this.segments = segments;
        this.buffer = ByteBuffer.allocateDirect(capacity);
    }

    /**
     * A view of the {@code length} bytes at {@code offset} (position 0), or null when they are not all written in
     * one segment (yet). A record longer than the buffer is read on its own.
     */
    ByteBuffer window(long offset, int length) {
        if (offset >= bufferedFrom && offset + length <= bufferedFrom + buffered) {
            return buffer.slice((int) (offset - bufferedFrom), length);
        }
        var segment = segments.find(offset);
        if (segment == null || length < 0) {
            return null;
        }
        int position = (int) (offset - segment.startOffset());
        if (position + length > segment.writePosition()) {
            return null;
        }
        if (length > buffer.capacity()) {
            var large = ByteBuffer.allocate(length);
            return segment.readFully(position, large) ? large.flip() : null;
        }
        buffered = 0;
        buffer.clear();
        int read = segment.read(position, buffer);
        if (read < length) {
            return null; // the segment was closed
        }
        bufferedFrom = offset;
        buffered = read;
        return buffer.slice(0, length);
    }
}
