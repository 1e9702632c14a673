package io.mq.broker.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Answers a pull: walks a consume queue from an offset, filters on tag codes, slices the matching messages. */
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
            return empty(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, 0, 0);
        }
        long min = queue.minOffset();
        long max = queue.maxOffset();
        if (max == 0) {
            return empty(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, min, max);
        }
        if (offset < min) {
            return empty(GetMessageStatus.OFFSET_TOO_SMALL, min, min, max);
        }
        if (offset == max) {
            return empty(GetMessageStatus.OFFSET_OVERFLOW_ONE, offset, min, max);
        }
        if (offset > max) {
            return empty(GetMessageStatus.OFFSET_OVERFLOW_BADLY, max, min, max);
        }
        var found = new ArrayList<ByteBuffer>(Math.min(maxCount, 64));
        var status = GetMessageStatus.NO_MATCHED_MESSAGE;
        int bytes = 0;
        long next = offset;
        // Entries are read one by one and the scan stops as soon as the pull is full: reading the whole scan window
        // up front cost 800 entries per pull of 32.
        long scanEnd = Math.min(max, offset + Math.max(maxCount, MIN_ENTRIES_SCANNED));
        for (long at = offset; at < scanEnd; at++) {
            var entry = queue.entry(at);
            if (entry == null || found.size() >= maxCount || (!found.isEmpty() && bytes + entry.size() > maxBytes)) {
                break;
            }
            next = entry.logicalOffset() + 1;
            if (!filter.matchesTagsCode(entry.tagsCode())) {
                continue;
            }
            var message = commitLog.slice(entry.commitLogOffset(), entry.size());
            if (message == null) {
                if (found.isEmpty()) {
                    status = GetMessageStatus.MESSAGE_WAS_REMOVING;
                }
                continue;
            }
            if (!filter.matchesMessage(message.duplicate())) {
                continue;
            }
            found.add(message);
            bytes += entry.size();
            status = GetMessageStatus.FOUND;
        }
        return new GetMessageResult(status, found, next, min, max);
    }

    private static GetMessageResult empty(GetMessageStatus status, long next, long min, long max) {
        return new GetMessageResult(status, List.of(), next, min, max);
    }
}
