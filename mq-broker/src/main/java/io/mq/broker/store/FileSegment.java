package io.mq.broker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fixed-size commit-log file written and read with positional I/O (pwrite/pread), never mapped: the kernel's
 * page cache still serves reads, but its pages do not count in the broker's resident memory, as with Kafka's log.
 * One writer writes at or above the write position and then publishes it; readers copy bytes below it.
 *
 * <p>A {@link FileChannel} is closed by an interrupt of any thread that uses it. The segment reopens its file
 * when that happens and retries, so an interrupted puller or flusher never breaks the log for everyone else.
 */
final class FileSegment implements Segment {
    private static final Logger log = LoggerFactory.getLogger(FileSegment.class);
    private static final ByteBuffer ONE_ZERO = ByteBuffer.allocate(1).asReadOnlyBuffer();

    private final Path file;
    private final long startOffset;
    private final int size;
    private final Object reopenLock = new Object();
    private volatile FileChannel channel;
    private volatile boolean closed;
    private volatile int writePosition;
    private volatile int flushedPosition;
    /** Held by the zero filler while it writes one piece, and by the writer when it passes {@link #zeroedTo}. */
    private final Object zeroFill = new Object();
    /** Bytes below it were written by the writer or filled with zeros: the filler writes only at or above it. */
    private volatile int zeroedTo;

    private FileSegment(Path file, long startOffset, int size, FileChannel channel, int writePosition) {
        this.file = file;
        this.startOffset = startOffset;
        this.size = size;
        this.channel = channel;
        this.writePosition = writePosition;
        this.flushedPosition = writePosition;
        this.zeroedTo = writePosition;
    }

    /** Creates an empty (sparse, all zeros) segment file of {@code size} bytes in {@code dir}. */
    static FileSegment create(Path dir, long startOffset, int size) {
        var file = dir.resolve(Segment.fileName(startOffset));
        try {
            // Anything already there lies beyond the log's end: start from zeros.
            var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.write(ONE_ZERO.duplicate(), size - 1L);
            return new FileSegment(file, startOffset, size, channel, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /**
     * Opens an existing segment file. Its write position starts at the end: the owner's recovery moves it back to
     * where valid data stops. A file shorter than {@code size} was cut by a {@link #truncate} that did not live to
     * extend it again: it is extended with zeros.
     */
    static FileSegment open(Path file, int size) {
        long startOffset = Long.parseLong(file.getFileName().toString());
        try {
            long length = Files.size(file);
            if (length > size) {
                throw new IllegalStateException(file + " is " + length + " bytes, expected " + size);
            }
            var channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (length < size) {
                log.warn("{} is {} bytes, expected {}: extending it with zeros", file, length, size);
                channel.write(ONE_ZERO.duplicate(), size - 1L);
            }
            return new FileSegment(file, startOffset, size, channel, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
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

    /**
     * Writes all of {@code source} at {@code position} (at or above the write position) without publishing it: the
     * single writer calls {@link #advanceTo} once everything it wants readers to see is written.
     */
    void write(int position, ByteBuffer source) {
        if (position < writePosition || position + source.remaining() > size) {
            throw new IllegalArgumentException("cannot write " + source.remaining() + " bytes at " + position + " of "
                    + this);
        }
        int end = position + source.remaining();
        if (end > zeroedTo) {
            synchronized (zeroFill) { // waits for a piece of zeros being written here, and keeps later ones out
                zeroedTo = Math.max(zeroedTo, end);
            }
        }
        writeFully(position, source);
    }

    /** Writes all of {@code source} at {@code position}; null when the segment is closed. */
    private Boolean writeFully(long position, ByteBuffer source) {
        int start = source.position();
        return io(channel -> {
            source.position(start); // a retry after the channel was closed under us writes everything again
            long at = position;
            while (source.hasRemaining()) {
                at += channel.write(source, at);
            }
            return Boolean.TRUE;
        });
    }

    /** Bytes below it hold data or zeros that the file system has allocated (see {@link #fillZeros}). */
    int zeroedTo() {
        return zeroedTo;
    }

    /**
     * Writes zeros from {@link #zeroedTo} up to {@code upTo}, one piece of {@code zeros.remaining()} bytes at a
     * time, never where the writer has written: it only ever waits for one piece. Once they are forced
     * ({@link #fdatasync}), appends there overwrite allocated blocks, and an fdatasync after them no longer has a
     * block allocation to commit to the file system's journal (see ZeroFiller). Returns the new mark.
     */
    int fillZeros(int upTo, ByteBuffer zeros) {
        int target = Math.min(upTo, size);
        while (true) {
            synchronized (zeroFill) {
                int from = zeroedTo;
                if (from >= target) {
                    return from;
                }
                var piece = zeros.duplicate();
                piece.limit(piece.position() + Math.min(piece.remaining(), target - from));
                int length = piece.remaining();
                requireOpen(writeFully(from, piece));
                zeroedTo = from + length;
            }
        }
    }

    /** Forces every byte written so far to disk ({@code fdatasync}) without moving the flushed position. */
    void fdatasync() {
        requireOpen(io(channel -> {
            channel.force(false);
            return Boolean.TRUE;
        }));
    }

    /** Publishes the bytes written up to {@code position}: readers may read below it from now on. */
    void advanceTo(int position) {
        if (position < writePosition || position > size) {
            throw new IllegalArgumentException("cannot move write position from " + writePosition + " to " + position);
        }
        writePosition = position;
    }

    /**
     * Reads {@code target.remaining()} bytes at {@code position} into {@code target}. False when they are not all
     * below the write position or the segment is closed.
     */
    boolean readFully(int position, ByteBuffer target) {
        return position >= 0 && position + target.remaining() <= writePosition
                && read(position, target) >= 0 && !target.hasRemaining();
    }

    /**
     * Reads as many bytes at {@code position} as fit {@code target} and lie below the write position, with one
     * positional read where the kernel allows. Returns how many, or -1 when the segment is closed.
     */
    int read(int position, ByteBuffer target) {
        int available = writePosition - position;
        if (position < 0 || available <= 0) {
            return 0;
        }
        int limit = target.limit();
        int start = target.position();
        target.limit(start + Math.min(target.remaining(), available));
        try {
            Integer read = io(channel -> {
                target.position(start);
                while (target.hasRemaining()) {
                    if (channel.read(target, position + (long) (target.position() - start)) < 0) {
                        break;
                    }
                }
                return target.position() - start;
            });
            return read == null ? -1 : read;
        } finally {
            target.limit(limit);
        }
    }

    /** Forces written bytes to disk ({@code fdatasync}); returns false when there was nothing new to force. */
    @Override
    public boolean flush() {
        int written = writePosition;
        if (written <= flushedPosition) {
            return false;
        }
        fdatasync();
        flushedPosition = written;
        return true;
    }

    /** {@code fdatasync} covers the whole file, so every byte written before the call, whatever {@code upTo}. */
    @Override
    public void force(int upTo) {
        if (Math.min(upTo, writePosition) > flushedPosition) {
            fdatasync();
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
     * Cuts the file at {@code position} and extends it again: the kernel gives zeros after the cut without writing
     * them, so stale records can never be read as valid again.
     */
    @Override
    public void truncate(int position) {
        synchronized (zeroFill) { // no piece of zeros lands in the cut part and leaves the mark beyond it
            if (position < size) {
                requireOpen(io(channel -> {
                    channel.truncate(position);
                    channel.write(ONE_ZERO.duplicate(), size - 1L);
                    channel.force(true); // the file's length is metadata
                    return Boolean.TRUE;
                }));
            }
            writePosition = position;
            flushedPosition = position;
            zeroedTo = position; // what follows is a hole again
        }
    }

    @Override
    public void delete() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** Closes the file: reads answer nothing from now on; bytes written stay in the page cache and the file. */
    @Override
    public void close() {
        synchronized (reopenLock) {
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                log.warn("cannot close {}", file, e);
            }
        }
    }

    private void requireOpen(Object result) {
        if (result == null) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private interface ChannelAction<T> {
        T run(FileChannel channel) throws IOException;
    }

    /**
     * Runs {@code action} on the channel; null when the segment is closed. An interrupt of this thread (or of
     * another one using the channel) closes the channel: reopen it, run the action again, keep the interrupt.
     */
    private <T> T io(ChannelAction<T> action) {
        boolean interrupted = false;
        try {
            while (true) {
                var current = channel;
                if (closed) {
                    return null;
                }
                try {
                    return action.run(current);
                } catch (ClosedByInterruptException e) {
                    interrupted = true;
                    Thread.interrupted(); // clear it, or the retry would be closed at once too
                    reopen(current);
                } catch (ClosedChannelException e) { // also AsynchronousCloseException: closed under us
                    reopen(current);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("I/O failed on " + file, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void reopen(FileChannel stale) throws IOException {
        synchronized (reopenLock) {
            if (!closed && channel == stale) {
                log.debug("{} was closed by an interrupt: reopening it", file);
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
        }
    }

    @Override
    public String toString() {
        return file.getFileName() + "@" + writePosition;
    }
}
