package io.mq.broker.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of one topic queue: entry {@code n} locates the queue's message with queue offset {@code n} in the
 * commit log. Files of fixed entry counts under {@code consumequeue/<topic>/<queueId>/}, named by byte offset.
 * One writer (the dispatcher) appends; readers read below the published maximum.
 */
public final class ConsumeQueue {
    private static final Logger log = LoggerFactory.getLogger(ConsumeQueue.class);

    private final TopicQueue queue;
    private final SegmentList<MappedSegment> segments;
    private volatile long minOffset;
    /** Logical offset of the next entry: entries below it are complete. */
    private volatile long maxOffset;

    ConsumeQueue(TopicQueue queue, Path dir, int entriesPerFile) {
        this.queue = queue;
        this.segments = SegmentList.mapped(dir, entriesPerFile * ConsumeQueueEntry.SIZE);
    }

    public TopicQueue topicQueue() {
        return queue;
    }

    /**
     * Maps the files and finds the valid entries: from the first non-empty entry of the first file (a queue may
     * start above zero) to the first empty entry after it. Whatever follows is zeroed.
     */
    void load() {
        segments.load();
        var first = segments.first();
        if (first == null) {
            return;
        }
        var last = segments.last();
        int start = 0;
        while (start < first.size() && !isValid(first, start)) {
            start += ConsumeQueueEntry.SIZE;
        }
        int end = last == first ? start : 0;
        while (end < last.size() && isValid(last, end)) {
            end += ConsumeQueueEntry.SIZE;
        }
        if (end < last.size()) {
            last.truncate(end);
        }
        minOffset = (first.startOffset() + start) / ConsumeQueueEntry.SIZE;
        maxOffset = (last.startOffset() + end) / ConsumeQueueEntry.SIZE;
    }

    private static boolean isValid(MappedSegment segment, int position) {
        return segment.getLong(position) >= 0 && segment.getInt(position + 8) > 0;
    }

    /**
     * Adds the entry for the message with queue offset {@code logicalOffset}. Idempotent: an entry that is already
     * there is left alone (re-dispatch after a crash). Returns whether the entry was new.
     */
    boolean put(long logicalOffset, long commitLogOffset, int size, long tagsCode) {
        if (logicalOffset < maxOffset) {
            return false;
        }
        boolean wasEmpty = maxOffset <= minOffset;
        if (logicalOffset > maxOffset && !wasEmpty) {
            log.warn("{}: entries {} to {} are missing", queue, maxOffset, logicalOffset - 1);
        }
        long bytePosition = logicalOffset * ConsumeQueueEntry.SIZE;
        var segment = segmentFor(bytePosition);
        int position = (int) (bytePosition - segment.startOffset());
        var target = segment.appendBuffer();
        target.position(position);
        target.putLong(commitLogOffset).putInt(size).putLong(tagsCode);
        if (wasEmpty) {
            minOffset = logicalOffset; // a queue may start above zero (its earlier files are gone)
        }
        segment.advanceTo(position + ConsumeQueueEntry.SIZE);
        maxOffset = logicalOffset + 1;
        return true;
    }

    private MappedSegment segmentFor(long bytePosition) {
        var segment = segments.find(bytePosition);
        if (segment != null) {
            return segment;
        }
        long start = segments.segmentStart(bytePosition);
        if (segments.isEmpty()) {
            return segments.create(start);
        }
        while (segments.last().endOffset() < start) {
            segments.last().advanceTo(segments.last().size());
            segments.create(segments.last().endOffset());
        }
        segments.last().advanceTo(segments.last().size());
        return segments.create(start);
    }

    public long minOffset() {
        return minOffset;
    }

    /** Logical offset of the next entry; the number of entries ever written when nothing was deleted. */
    public long maxOffset() {
        return maxOffset;
    }

    /** The entry at {@code logicalOffset}, or null when it is outside {@code [minOffset, maxOffset)}. */
    public ConsumeQueueEntry entry(long logicalOffset) {
        if (logicalOffset < minOffset || logicalOffset >= maxOffset) {
            return null;
        }
        long bytePosition = logicalOffset * ConsumeQueueEntry.SIZE;
        var segment = segments.find(bytePosition);
        if (segment == null) {
            return null;
        }
        int position = (int) (bytePosition - segment.startOffset());
        return new ConsumeQueueEntry(logicalOffset, segment.getLong(position), segment.getInt(position + 8),
                segment.getLong(position + 12));
    }

    /** Up to {@code maxEntries} entries from {@code fromOffset} on (fewer at the end of the queue). */
    public List<ConsumeQueueEntry> entries(long fromOffset, int maxEntries) {
        long end = Math.min(maxOffset, fromOffset + maxEntries);
        var entries = new ArrayList<ConsumeQueueEntry>((int) Math.max(0, Math.min(end - fromOffset, 1024)));
        for (long offset = Math.max(fromOffset, minOffset); offset < end; offset++) {
            var entry = entry(offset);
            if (entry == null) {
                break;
            }
            entries.add(entry);
        }
        return entries;
    }

    /**
     * The first logical offset whose message was stored at or after {@code timestamp}; {@code maxOffset} when every
     * message is older. Binary search: store times grow with the commit log.
     *
     * @param storeTimeOf the store time of the message at a commit-log offset, negative if it is gone
     */
    public long offsetByTimestamp(long timestamp, LongUnaryOperator storeTimeOf) {
        long low = minOffset;
        long high = maxOffset;
        while (low < high) {
            long middle = (low + high) >>> 1;
            var entry = entry(middle);
            long storeTime = entry == null ? -1 : storeTimeOf.applyAsLong(entry.commitLogOffset());
            if (storeTime >= 0 && storeTime < timestamp) {
                low = middle + 1;
            } else if (storeTime < 0) {
                low = middle + 1; // its message is gone: treat as older
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Drops the entries whose message does not end within {@code commitLogEnd}: the commit log was cut there.
     * Returns how many were dropped.
     */
    long truncateBeyond(long commitLogEnd) {
        long keep = maxOffset;
        while (keep > minOffset) {
            var entry = entry(keep - 1);
            if (entry != null && entry.commitLogOffset() + entry.size() <= commitLogEnd) {
                break;
            }
            keep--;
        }
        long dropped = maxOffset - keep;
        if (dropped > 0) {
            segments.truncateAt(keep * ConsumeQueueEntry.SIZE);
            maxOffset = keep;
            log.warn("{}: dropped {} entries beyond commit log offset {}", queue, dropped, commitLogEnd);
        }
        return dropped;
    }

    /** Commit-log offset just after the last entry's message, 0 for an empty queue. */
    long lastCommitLogEnd() {
        var last = maxOffset > minOffset ? entry(maxOffset - 1) : null;
        return last == null ? 0 : last.commitLogOffset() + last.size();
    }

    void flush() {
        segments.flush();
    }
}
