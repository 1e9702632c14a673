package io.mq.broker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The same-size segments of one log in one directory, covering a contiguous range of offsets. The commit log (of
 * {@link FileSegment}s) and every consume queue (of {@link MappedSegment}s) are one each. One writer adds segments
 * at the end; readers find them by offset.
 */
final class SegmentList<S extends Segment> {
    /** Makes a new segment file. */
    interface Creator<S extends Segment> {
        S create(Path dir, long startOffset, int size);
    }

    /** Opens an existing segment file. */
    interface Opener<S extends Segment> {
        S open(Path file, int size);
    }

    private final Path dir;
    private final int segmentSize;
    private final Creator<S> creator;
    private final Opener<S> opener;
    private final List<S> segments = new CopyOnWriteArrayList<>();
    private final LongAdder forces = new LongAdder();

    private SegmentList(Path dir, int segmentSize, Creator<S> creator, Opener<S> opener) {
        this.dir = dir;
        this.segmentSize = segmentSize;
        this.creator = creator;
        this.opener = opener;
    }

    /** Memory-mapped segments: small logs read entry by entry (consume queues). */
    static SegmentList<MappedSegment> mapped(Path dir, int segmentSize) {
        return new SegmentList<>(dir, segmentSize, MappedSegment::create, MappedSegment::open);
    }

    /** Segments written and read with positional I/O (the commit log). */
    static SegmentList<FileSegment> positional(Path dir, int segmentSize) {
        return new SegmentList<>(dir, segmentSize, FileSegment::create, FileSegment::open);
    }

    /** Opens every segment file found in the directory, in offset order. */
    void load() {
        try {
            Files.createDirectories(dir);
            try (var listing = Files.list(dir)) {
                var found = new ArrayList<>(listing
                        .filter(f -> f.getFileName().toString().matches("\\d{20}"))
                        .sorted(Comparator.comparing(Path::getFileName))
                        .toList());
                for (var file : found) {
                    var segment = opener.open(file, segmentSize);
                    if (!segments.isEmpty() && segments.get(segments.size() - 1).endOffset() != segment.startOffset()) {
                        throw new IllegalStateException("gap before " + file + ": the log is not contiguous");
                    }
                    segments.add(segment);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + dir, e);
        }
    }

    int segmentSize() {
        return segmentSize;
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    List<S> segments() {
        return List.copyOf(segments);
    }

    S first() {
        return segments.isEmpty() ? null : segments.get(0);
    }

    S last() {
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    /** Creates the segment that starts at {@code startOffset}; it must follow the last one (if any). */
    S create(long startOffset) {
        var last = last();
        if (last != null && last.endOffset() != startOffset) {
            throw new IllegalStateException("new segment at " + startOffset + " does not follow " + last);
        }
        if (startOffset % segmentSize != 0) {
            throw new IllegalArgumentException("segment start " + startOffset + " is not a multiple of " + segmentSize);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var segment = creator.create(dir, startOffset, segmentSize);
        segments.add(segment);
        return segment;
    }

    /** The segment holding {@code offset}, or null. */
    S find(long offset) {
        var first = first();
        if (first == null || offset < first.startOffset()) {
            return null;
        }
        int index = (int) ((offset - first.startOffset()) / segmentSize);
        try {
            var segment = segments.get(index);
            return segment.startOffset() <= offset && offset < segment.endOffset() ? segment : null;
        } catch (IndexOutOfBoundsException e) {
            return null; // raced with a truncation, or beyond the end
        }
    }

    long segmentStart(long offset) {
        return offset - offset % segmentSize;
    }

    long minOffset() {
        var first = first();
        return first == null ? 0 : first.startOffset();
    }

    /** Offset just after the last written byte. */
    long maxOffset() {
        var last = last();
        return last == null ? 0 : last.startOffset() + last.writePosition();
    }

    /** Offset up to which every byte is on disk. */
    long flushedOffset() {
        for (var segment : segments) {
            if (segment.flushedPosition() < segment.size()) {
                return segment.startOffset() + segment.flushedPosition();
            }
        }
        var last = last();
        return last == null ? 0 : last.endOffset();
    }

    /** Forces every segment with unflushed bytes; returns how far the log is now on disk. */
    long flush() {
        boolean forced = false;
        for (var segment : segments) {
            if (segment.flushedPosition() < segment.writePosition()) {
                forced |= segment.flush();
            }
        }
        if (forced) {
            forces.increment();
        }
        return flushedOffset();
    }

    /** Forces every written byte below {@code end}; the flushed offset moves only with {@link #markFlushed}. */
    void force(long end) {
        boolean forced = false;
        for (var segment : segments) {
            if (segment.startOffset() < end && segment.flushedPosition() < segment.writePosition()) {
                segment.force((int) Math.min(end - segment.startOffset(), segment.size()));
                forced = true;
            }
        }
        if (forced) {
            forces.increment();
        }
    }

    /** Records that every byte below {@code offset} is on disk. */
    void markFlushed(long offset) {
        for (var segment : segments) {
            if (segment.startOffset() < offset) {
                segment.markFlushed((int) Math.min(offset - segment.startOffset(), segment.size()));
            }
        }
    }

    /** How many flushes forced something to disk: group commit makes this smaller than the number of appends. */
    long forceCount() {
        return forces.sum();
    }

    /** Cuts the log at {@code offset}: zeroes the rest of its segment and deletes every later segment. */
    void truncateAt(long offset) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            var segment = segments.get(i);
            if (segment.startOffset() >= offset && !(segment.startOffset() == offset && i == 0)) {
                segments.remove(i);
                segment.delete();
            } else if (segment.endOffset() >= offset) {
                segment.truncate((int) (offset - segment.startOffset()));
                return;
            } else {
                return;
            }
        }
    }

    /** Closes every segment (the files stay): the log is not used any more. */
    void close() {
        for (var segment : segments) {
            segment.close();
        }
    }
}
