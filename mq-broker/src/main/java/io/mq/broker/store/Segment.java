package io.mq.broker.store;

import java.nio.file.Path;

/**
 * One fixed-size file of a log, named by the offset of its first byte (20 digits, zero-padded). One writer appends
 * at the write position and publishes it only after the bytes are written; readers never see bytes above it.
 */
sealed interface Segment permits MappedSegment, FileSegment {

    static String fileName(long startOffset) {
        return String.format("%020d", startOffset);
    }

    Path file();

    long startOffset();

    int size();

    int writePosition();

    int flushedPosition();

    default long endOffset() {
        return startOffset() + size();
    }

    default int remaining() {
        return size() - writePosition();
    }

    default boolean isFull() {
        return writePosition() == size();
    }

    /** Forces written bytes to disk; returns false when there was nothing new to force. */
    boolean flush();

    /** Cuts the segment at {@code position}: everything after it reads as zeros, the write position moves there. */
    void truncate(int position);

    /** Removes the file; the segment is unusable afterwards. */
    void delete();

    /** Releases what the segment holds open (the file stays). */
    void close();
}
