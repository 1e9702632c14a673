package io.mq.broker.store;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Answers a pull: walks a consume queue from an offset, filters on tag codes, and reads the matching messages out
 * of the commit log into one buffer (one positional read each, no buffer per message).
 */
final class MessageFetcher {
    /** Entries examined per pull at least (RocketMQ: 16 000 bytes of entries), so a selective filter still moves on. */
    private static final int MIN_ENTRIES_SCANNED = 16_000 / ConsumeQueueEntry.SIZE;

    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;

    MessageFetcher(CommitLog commitLog, ConsumeQueueTable consumeQueues) {
        this.commitLog = commitLog;
        this.consumeQueues = consumeQueues;
    }

    GetMessageResult fetch(String topic, int queueId, long offset, int maxCount, int maxBytes, MessageFilter filter) {
        var queue = consumeQueues.find(topic, queueId);
        if (queue == null) {
            return GetMessageResult.empty(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, 0, 0);
        }
        long min = queue.minOffset();
        long max = queue.maxOffset();
        if (max == 0) {
            return GetMessageResult.empty(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, min, max);
        }
        if (offset < min) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_TOO_SMALL, min, min, max);
        }
        if (offset == max) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_OVERFLOW_ONE, offset, min, max);
        }
        if (offset > max) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_OVERFLOW_BADLY, max, min, max);
        }
        var entries = queue.entries(offset, Math.max(maxCount, MIN_ENTRIES_SCANNED));
        var body = ByteBuffer.allocate(expectedBytes(entries, maxCount, maxBytes, filter));
        var status = GetMessageStatus.NO_MATCHED_MESSAGE;
        int count = 0;
        long next = offset;
        for (var entry : entries) {
            int start = body.position();
            if (count >= maxCount || (count > 0 && start + entry.size() > maxBytes)) {
                break;
            }
            next = entry.logicalOffset() + 1;
            if (!filter.matchesTagsCode(entry.tagsCode())) {
                continue;
            }
            body = withRoom(body, entry.size());
            body.limit(start + entry.size());
            boolean read = commitLog.readInto(entry.commitLogOffset(), body);
            body.limit(body.capacity());
            if (!read) {
                body.position(start);
                if (count == 0) {
                    status = GetMessageStatus.MESSAGE_WAS_REMOVING;
                }
                continue;
            }
            if (!filter.matchesMessage(body.slice(start, entry.size()).asReadOnlyBuffer())) {
                body.position(start); // the next match takes its place
                continue;
            }
            count++;
            status = GetMessageStatus.FOUND;
        }
        return new GetMessageResult(status, body.flip(), count, next, min, max);
    }

    /** The bytes the loop above reads when every message that passes the tag filter also passes the rest. */
    private static int expectedBytes(List<ConsumeQueueEntry> entries, int maxCount, int maxBytes,
            MessageFilter filter) {
        int count = 0;
        int bytes = 0;
        for (var entry : entries) {
            if (count >= maxCount || (count > 0 && bytes + entry.size() > maxBytes)) {
                break;
            }
            if (filter.matchesTagsCode(entry.tagsCode())) {
                count++;
                bytes += entry.size();
            }
        }
        return bytes;
    }

    /** {@code body}, or a copy with twice the room when {@code size} more bytes do not fit (some did not match). */
    private static ByteBuffer withRoom(ByteBuffer body, int size) {
        if (body.remaining() >= size) {
            return body;
        }
        var larger = ByteBuffer.allocate(Math.max(body.capacity() * 2, body.position() + size));
        return larger.put(body.flip());
    }
}
