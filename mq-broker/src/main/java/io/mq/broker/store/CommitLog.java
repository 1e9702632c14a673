package io.mq.broker.store;

import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageFormatException;
import io.mq.protocol.message.MessageId;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.message.PreparedMessage;
import io.mq.protocol.message.StoredMessage;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message of every topic, one after another in fixed-size segments. One writer at a time (a lock held only
 * while encoding and writing, never while waiting for the disk); readers copy bytes below the write position. A
 * message that does not fit the rest of a segment pads it with a blank record and goes to the next segment.
 *
 * <p>The files are written and read with positional I/O, not mapped: whatever the log's size, the pages it touches
 * stay in the kernel's page cache and out of the broker's resident memory.
 */
public final class CommitLog {
    private static final Logger log = LoggerFactory.getLogger(CommitLog.class);

    /** Largest write buffer kept between appends; a bigger message gets a buffer of its own once. */
    private static final int WRITE_BUFFER_SIZE = 256 * 1024;

    private final SegmentList<FileSegment> segments;
    private final QueueOffsetTable queueOffsets;
    private final StoreConfig config;
    private final byte[] storeHostAddress;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Where the writer encodes messages before one positional write; guarded by the write lock. */
    private ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER_SIZE);
    private volatile boolean closed;

    public CommitLog(StoreConfig config, QueueOffsetTable queueOffsets) {
        this.config = config;
        this.queueOffsets = queueOffsets;
        this.segments = SegmentList.positional(config.commitLogDir(), config.commitLogSegmentSize());
        this.storeHostAddress = config.storeHost().getAddress().getAddress();
    }

    void load() {
        segments.load();
    }

    /**
     * Finds where valid data ends, starting from the segment that holds {@code trustedOffset} (everything before it
     * is known good), and cuts the log there. A record is valid when its magic code, size, physical offset field
     * and (if asked) body CRC check out; the first invalid one is a torn tail. Returns the new end offset.
     */
    long recover(long trustedOffset, boolean checkCrc) {
        var last = segments.last();
        if (last == null) {
            return 0;
        }
        long offset = Math.max(segments.minOffset(), segments.segmentStart(Math.min(trustedOffset, last.startOffset())));
        var reader = new ReadAhead(segments, ReadAhead.DEFAULT_CAPACITY);
        while (true) {
            var segment = segments.find(offset);
            if (segment == null) {
                break; // ended exactly on a segment boundary
            }
            int length = checkRecord(reader, offset, segment.endOffset() - offset, checkCrc);
            if (length < 0) {
                break;
            }
            offset += length;
        }
        if (offset < segments.maxOffset()) {
            log.warn("commit log: valid data ends at {}, cutting {} bytes after it", offset, segments.maxOffset() - offset);
        }
        segments.truncateAt(offset);
        return offset;
    }

    /**
     * Size of the valid record at {@code offset}, {@code room} bytes before its segment's end (a blank record
     * counts to the end), or -1.
     */
    private static int checkRecord(ReadAhead reader, long offset, long room, boolean checkCrc) {
        var header = room < MessageCodec.BLANK_RECORD_MIN_SIZE ? null
                : reader.window(offset, MessageCodec.BLANK_RECORD_MIN_SIZE);
        if (header == null) {
            return -1;
        }
        int size = header.getInt(0);
        int magic = header.getInt(MessageCodec.MAGIC_CODE_POSITION);
        if (magic == MessageCodec.BLANK_MAGIC_CODE) {
            return size == room ? size : -1;
        }
        if (magic != MessageCodec.MAGIC_CODE || size < MessageCodec.MIN_STORE_SIZE || size > room) {
            return -1;
        }
        var record = reader.window(offset, size);
        if (record == null) {
            return -1;
        }
        try {
            var message = MessageCodec.decode(record, checkCrc);
            if (message.commitLogOffset() != offset) {
                return -1; // a stale record from an earlier life of this file
            }
            if (checkCrc && !message.bodyCrcMatches()) {
                log.warn("commit log: body CRC mismatch at {}", message.commitLogOffset());
                return -1;
            }
            return size;
        } catch (MessageFormatException e) {
            return -1;
        }
    }

    /** Appends one message; the caller decides how long to wait for the disk. */
    AppendResult append(MessageDraft draft) {
        PreparedMessage prepared;
        try {
            prepared = prepare(draft);
        } catch (MessageFormatException e) {
            log.debug("rejected message for {}: {}", draft.topic(), e.getMessage());
            return AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL);
        }
        if (prepared == null) {
            return AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL);
        }
        var written = write(List.of(prepared));
        if (written == null) {
            return AppendResult.rejected(AppendStatus.SERVICE_NOT_AVAILABLE);
        }
        return new AppendResult(AppendStatus.OK, offsetId(written.physicalOffset), written.physicalOffset,
                written.firstQueueOffset, prepared.storeSize(), written.storeTimestamp, 1);
    }

    /** Appends messages of one topic queue as one consecutive run, each with its own queue offset. */
    AppendResult appendBatch(List<MessageDraft> drafts) {
        if (drafts.isEmpty()) {
            return AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL);
        }
        var prepared = new ArrayList<PreparedMessage>(drafts.size());
        long total = 0;
        try {
            var queue = new TopicQueue(drafts.get(0).topic(), drafts.get(0).queueId());
            for (var draft : drafts) {
                var message = prepare(draft);
                if (message == null || !queue.equals(new TopicQueue(draft.topic(), draft.queueId()))) {
                    return AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL);
                }
                prepared.add(message);
                total += message.storeSize();
            }
        } catch (MessageFormatException e) {
            return AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL);
        }
        if (total + MessageCodec.BLANK_RECORD_MIN_SIZE > config.commitLogSegmentSize()) {
            return AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL);
        }
        var written = write(prepared);
        if (written == null) {
            return AppendResult.rejected(AppendStatus.SERVICE_NOT_AVAILABLE);
        }
        var ids = new StringBuilder();
        long offset = written.physicalOffset;
        for (var message : prepared) {
            if (!ids.isEmpty()) {
                ids.append(',');
            }
            ids.append(offsetId(offset));
            offset += message.storeSize();
        }
        return new AppendResult(AppendStatus.OK, ids.toString(), written.physicalOffset, written.firstQueueOffset,
                (int) total, written.storeTimestamp, prepared.size());
    }

    /** Null when the message can never fit (too big for the settings or for a segment). */
    private PreparedMessage prepare(MessageDraft draft) {
        if (draft.body().length > config.maxMessageSize()) {
            return null;
        }
        var prepared = MessageCodec.prepare(draft, config.storeHost());
        if (prepared.storeSize() + MessageCodec.BLANK_RECORD_MIN_SIZE > config.commitLogSegmentSize()) {
            return null;
        }
        return prepared;
    }

    private record Written(long physicalOffset, long firstQueueOffset, long storeTimestamp) {
    }

    /** The critical section: place, number and copy. Null once the log is closed. */
    private Written write(List<PreparedMessage> messages) {
        int total = 0;
        for (var message : messages) {
            total += message.storeSize();
        }
        var first = messages.get(0).draft();
        var queue = new TopicQueue(first.topic(), first.queueId());
        boolean numbered = MessageSysFlag.entersConsumeQueue(messages.get(0).sysFlag());
        writeLock.lock();
        try {
            if (closed) {
                return null;
            }
            var segment = segmentWithRoom(total);
            long storeTimestamp = System.currentTimeMillis();
            long firstQueueOffset = numbered ? queueOffsets.nextOffset(queue) : 0L;
            long physicalOffset = segment.startOffset() + segment.writePosition();
            int position = segment.writePosition();
            var buffer = writeBuffer.clear();
            long offset = physicalOffset;
            long queueOffset = firstQueueOffset;
            for (var message : messages) {
                if (buffer.remaining() < message.storeSize()) {
                    position = writeOut(segment, position); // a batch bigger than the buffer: several writes
                    buffer = bufferFor(message.storeSize());
                }
                MessageCodec.write(message, buffer, offset, queueOffset, storeTimestamp);
                offset += message.storeSize();
                if (numbered) {
                    queueOffset++;
                }
            }
            segment.advanceTo(writeOut(segment, position));
            if (numbered) {
                queueOffsets.advance(queue, firstQueueOffset, messages.size());
            }
            return new Written(physicalOffset, firstQueueOffset, storeTimestamp);
        } catch (UncheckedIOException e) {
            // Nothing was published: the next append writes over whatever part of this one reached the file.
            log.error("commit log write failed", e);
            return null;
        } finally {
            if (writeBuffer.capacity() > WRITE_BUFFER_SIZE) {
                writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER_SIZE);
            }
            writeLock.unlock();
        }
    }

    /** Writes what the write buffer holds at {@code position} with one positional write; returns the end. */
    private int writeOut(FileSegment segment, int position) {
        var buffer = writeBuffer.flip();
        int end = position + buffer.remaining();
        segment.write(position, buffer);
        buffer.clear();
        return end;
    }

    /** The (cleared) write buffer, replaced by one big enough for a message larger than it. */
    private ByteBuffer bufferFor(int size) {
        if (writeBuffer.capacity() < size) {
            writeBuffer = ByteBuffer.allocateDirect(size);
        }
        return writeBuffer.clear();
    }

    /** The segment to write {@code size} bytes into, padding and rolling over when the current one is too full. */
    private FileSegment segmentWithRoom(int size) {
        var segment = segments.last();
        if (segment == null) {
            return segments.create(0);
        }
        if (segment.isFull()) {
            return segments.create(segment.endOffset());
        }
        if (size + MessageCodec.BLANK_RECORD_MIN_SIZE > segment.remaining()) {
            writeBuffer.clear().putInt(segment.remaining()).putInt(MessageCodec.BLANK_MAGIC_CODE);
            writeOut(segment, segment.writePosition());
            segment.advanceTo(segment.size());
            return segments.create(segment.endOffset());
        }
        return segment;
    }

    private String offsetId(long physicalOffset) {
        return MessageId.encode(storeHostAddress, config.storeHost().getPort(), physicalOffset);
    }

    /** A copy of the record at {@code offset} (a message or a blank), or null if nothing complete is there. */
    public ByteBuffer selectRecord(long offset) {
        var header = readBytes(offset, MessageCodec.BLANK_RECORD_MIN_SIZE);
        if (header == null) {
            return null;
        }
        int size = header.getInt(0);
        return size <= 0 ? null : readBytes(offset, size);
    }

    /** A copy of {@code size} written bytes at {@code offset} (position 0), or null if they are not all there. */
    public ByteBuffer readBytes(long offset, int size) {
        var bytes = ByteBuffer.allocate(size);
        return readInto(offset, bytes) ? bytes.flip() : null;
    }

    /**
     * Reads {@code target.remaining()} written bytes at {@code offset} into {@code target}; false (its position
     * unspecified) if they are not all there in one segment.
     */
    boolean readInto(long offset, ByteBuffer target) {
        var segment = segments.find(offset);
        return segment != null && segment.readFully((int) (offset - segment.startOffset()), target);
    }

    /** A reader for one thread that follows the log front to back (see {@link ReadAhead}). */
    ReadAhead readAhead() {
        return new ReadAhead(segments, ReadAhead.DEFAULT_CAPACITY);
    }

    /** Decodes the message at {@code offset} with its body; null if no message starts there. */
    public StoredMessage read(long offset) {
        var record = selectRecord(offset);
        if (record == null || record.getInt(MessageCodec.MAGIC_CODE_POSITION) != MessageCodec.MAGIC_CODE) {
            return null;
        }
        try {
            return MessageCodec.decode(record, true);
        } catch (MessageFormatException e) {
            return null;
        }
    }

    /** Start of the segment after the one holding {@code offset}: where reading continues after a blank record. */
    public long nextSegmentStart(long offset) {
        return segments.segmentStart(offset) + config.commitLogSegmentSize();
    }

    public long minOffset() {
        return segments.minOffset();
    }

    /** Offset just after the last appended message. */
    public long maxOffset() {
        return segments.maxOffset();
    }

    public long flushedOffset() {
        return segments.flushedOffset();
    }

    /** Forces appended bytes to disk; returns the flushed offset. Called by one flusher thread. */
    long flush() {
        return segments.flush();
    }

    /** Forces every byte below {@code end} to disk; may run on several threads at once (see GroupCommitFlusher). */
    void force(long end) {
        segments.force(end);
    }

    /** Every byte below {@code offset} is on disk: moves the flushed offset (checkpoint, recovery) forward. */
    void markFlushed(long offset) {
        segments.markFlushed(offset);
    }

    long forceCount() {
        return segments.forceCount();
    }

    /** The segment appends go to now; null before the first append. */
    FileSegment lastSegment() {
        return segments.last();
    }

    /** Refuses further appends; waits for an append in progress to finish. Reads and flushes still work. */
    void close() {
        writeLock.lock();
        try {
            closed = true;
        } finally {
            writeLock.unlock();
        }
    }

    /** Closes the files once nothing flushes or dispatches any more; reads find nothing from then on. */
    void release() {
        close();
        segments.close();
    }
}
