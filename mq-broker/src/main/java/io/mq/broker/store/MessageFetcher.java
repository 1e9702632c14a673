package io.mq.broker.store;

import java.nio.ByteBuffer;

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
        // Entries are read one by one and the scan stops as soon as the pull is full: reading the whole scan window
        // up front cost 800 entries per pull of 32.
        long scanEnd = Math.min(max, offset + Math.max(maxCount, MIN_ENTRIES_SCANNED));
        ByteBuffer body = null;
        var status = GetMessageStatus.NO_MATCHED_MESSAGE;
        int count = 0;
        long next = offset;
        for (long at = offset; at < scanEnd; at++) {
            var entry = queue.entry(at);
            if (entry == null) {
                break;
            }
            int start = body == null ? 0 : body.position();
            if (count >= maxCount || (count > 0 && start + entry.size() > maxBytes)) {
                break;
            }
            next = entry.logicalOffset() + 1;
            if (!filter.matchesTagsCode(entry.tagsCode())) {
                continue;
            }
            body = body == null ? ByteBuffer.allocate(firstCapacity(entry.size(), (int) Math.min(maxCount, scanEnd - at),
                    maxBytes)) : withRoom(body, entry.size());
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
        if (body == null) {
            body = ByteBuffer.allocate(0);
        }
        return new GetMessageResult(status, body.flip(), count, next, min, max);
    }

    /** Room for the pull, guessed from its first message: as many of that size as it may take, within its bytes. */
    private static int firstCapacity(int firstSize, int maxMessages, int maxBytes) {
        return (int) Math.max(firstSize, Math.min(maxBytes, (long) firstSize * maxMessages));
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
