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

    /**
     * Forces the written bytes below {@code upTo} to disk without moving the flushed position: forces may run side
     * by side and end out of order, so their owner moves it ({@link #markFlushed}) once every force below ended.
     */
    void force(int upTo);

    /** Everything below {@code position} is on disk (never moves back). */
    void markFlushed(int position);

    /** Cuts the segment at {@code position}: everything after it reads as zeros, the write position moves there. */
    void truncate(int position);

    /** Removes the file; the segment is unusable afterwards. */
    void delete();

    /** Releases what the segment holds open (the file stays). */
    void close();
}
