package io.mq.broker.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One fixed-size memory-mapped file, named by the offset of its first byte (20 digits, zero-padded). One writer
 * appends at the write position; readers read below it and never block the writer. Used for the consume
 * queues, which are small; the commit log reads and writes its files with positional I/O ({@link FileSegment}).
 */
public final class MappedSegment implements Segment {
    private static final byte[] ZEROS = new byte[64 * 1024];

    private final Path file;
    private final long startOffset;
    private final int size;
    private final MappedByteBuffer mapped;
    /** The writer's own view: its position is only touched under the owner's write discipline. */
    private final ByteBuffer writeView;
    private volatile int writePosition;
    private volatile int flushedPosition;

    private MappedSegment(Path file, long startOffset, int size, MappedByteBuffer mapped, int writePosition) {
        this.file = file;
        this.startOffset = startOffset;
        this.size = size;
        this.mapped = mapped;
        this.writeView = mapped.duplicate();
        this.writePosition = writePosition;
        this.flushedPosition = writePosition;
    }

    public static String fileName(long startOffset) {
        return Segment.fileName(startOffset);
    }

    /** Creates an empty segment file of {@code size} bytes in {@code dir}, starting at {@code startOffset}. */
    public static MappedSegment create(Path dir, long startOffset, int size) {
        return map(dir.resolve(fileName(startOffset)), startOffset, size, 0);
    }

    /**
     * Maps an existing segment file. Its write position starts at the end: the owner's recovery moves it back to
     * where valid data stops.
     */
    public static MappedSegment open(Path file, int size) {
        long startOffset = Long.parseLong(file.getFileName().toString());
        try {
            if (Files.size(file) != size) {
                throw new IllegalStateException(file + " is " + Files.size(file) + " bytes, expected " + size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map(file, startOffset, size, size);
    }

    private static MappedSegment map(Path file, long startOffset, int size, int writePosition) {
        try (var raf = new RandomAccessFile(file.toFile(), "rw"); var channel = raf.getChannel()) {
            if (raf.length() != size) {
                raf.setLength(size);
            }
            // The mapping outlives the channel.
            var mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            return new MappedSegment(file, startOffset, size, mapped, writePosition);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + file, e);
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public long startOffset() {
        return startOffset;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int writePosition() {
        return writePosition;
    }

    @Override
    public int flushedPosition() {
        return flushedPosition;
    }

    /** A buffer positioned at the write position, for the single writer to put into; then call {@link #advanceTo}. */
    ByteBuffer appendBuffer() {
        return writeView.limit(size).position(writePosition);
    }

    /** Publishes bytes written up to {@code position}: readers may slice below it from now on. */
    void advanceTo(int position) {
        if (position < writePosition || position > size) {
            throw new IllegalArgumentException("cannot move write position from " + writePosition + " to " + position);
        }
        writePosition = position;
    }

    int getInt(int position) {
        return mapped.getInt(position);
    }

    long getLong(int position) {
        return mapped.getLong(position);
    }

    /** Forces written bytes to disk; returns false when there was nothing new to force. */
    @Override
    public boolean flush() {
        int written = writePosition;
        int flushed = flushedPosition;
        if (written <= flushed) {
            return false;
        }
        mapped.force(flushed, written - flushed);
        flushedPosition = written;
        return true;
    }

    @Override
    public void force(int upTo) {
        int from = flushedPosition;
        int to = Math.min(upTo, writePosition);
        if (to > from) {
            mapped.force(from, to - from);
        }
    }

    @Override
    public synchronized void markFlushed(int position) {
        int target = Math.min(position, writePosition);
        if (target > flushedPosition) {
            flushedPosition = target;
        }
    }

    /**
     * Cuts the segment at {@code position}: zeroes everything after it so that stale records can never be read
     * as valid again, and moves the write position there.
     */
    @Override
    public void truncate(int position) {
        for (int at = position; at < size; at += ZEROS.length) {
            mapped.put(at, ZEROS, 0, Math.min(ZEROS.length, size - at));
        }
        mapped.force();
        writePosition = position;
        flushedPosition = position;
    }

    @Override
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    @Override
    public void close() {
        // the mapping is released when the buffer is collected
    }

    @Override
    public String toString() {
        return file.getFileName() + "@" + writePosition;
    }
}
