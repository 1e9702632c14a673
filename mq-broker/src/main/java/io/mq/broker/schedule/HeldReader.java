package io.mq.broker.schedule;

import io.mq.broker.store.GetMessageStatus;
import io.mq.broker.store.MessageFilter;
import io.mq.broker.store.MessageStore;
import io.mq.broker.store.TopicQueue;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.StoredMessage;
import java.util.ArrayList;
import java.util.List;

/** Reads held messages from a schedule queue through the store's ordinary read path. */
final class HeldReader {

    /** Messages read from {@code from} on, and the offset to read next (past them, or past a gap). */
    record Page(List<StoredMessage> messages, long next) {
    }

    private static final String GROUP = "SCHEDULE_DELIVERY";
    private static final int MAX_BYTES = 1024 * 1024;

    private final MessageStore store;

    HeldReader(MessageStore store) {
        this.store = store;
    }

    MessageStore store() {
        return store;
    }

    long maxOffset(TopicQueue queue) {
        return store.maxOffset(queue.topic(), queue.queueId());
    }

    Page read(TopicQueue queue, long from, int maxCount, boolean withBody) {
        var result = store.getMessages(GROUP, queue.topic(), queue.queueId(), from, maxCount, MAX_BYTES,
                MessageFilter.ALL);
        if (result.status() == GetMessageStatus.FOUND) {
            var messages = new ArrayList<StoredMessage>(result.messageCount());
            for (var buffer : result.messages()) {
                messages.add(MessageCodec.decode(buffer.duplicate(), withBody));
            }
            return new Page(messages, result.nextBeginOffset());
        }
        return switch (result.status()) {
            // Entries gone from the front of the queue, or a record being removed: move on past them.
            case OFFSET_TOO_SMALL, MESSAGE_WAS_REMOVING, OFFSET_FOUND_NULL, NO_MATCHED_MESSAGE ->
                    new Page(List.of(), Math.max(from, result.nextBeginOffset()));
            default -> new Page(List.of(), from);
        };
    }
}
