package io.mq.broker.store;

import io.mq.broker.store.index.IndexHits;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.StoredMessage;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The broker's message storage: a commit log of every message, a consume queue per topic queue, durable per the
 * configured flush mode and recovered after a crash. What the request processors use; nothing else is needed.
 */
public interface MessageStore extends AutoCloseable {

    /** Recovers what is on disk and starts the background services. Call once, before anything else. */
    void start();

    /**
     * Appends one message. The future completes when the flush mode is satisfied (SYNC_FLUSH: after an fsync that
     * covers it, unless the message's WAIT property is "false"); rejections complete at once. Never completes
     * exceptionally for a storage outcome: read {@link AppendResult#status()}.
     */
    CompletableFuture<AppendResult> append(MessageDraft draft);

    /** Appends messages of one topic queue consecutively, each with its own queue offset. */
    CompletableFuture<AppendResult> appendBatch(List<MessageDraft> drafts);

    /**
     * Reads up to {@code maxCount} messages (and about {@code maxBytes}, at least one) from a queue offset on.
     *
     * @param group the consumer group, for diagnostics
     */
    GetMessageResult getMessages(String group, String topic, int queueId, long offset, int maxCount, int maxBytes,
            MessageFilter filter);

    /** One past the last logical offset of a queue; 0 for an unknown queue. */
    long maxOffset(String topic, int queueId);

    /** The first logical offset still kept; 0 for an unknown queue. */
    long minOffset(String topic, int queueId);

    /** The first logical offset stored at or after {@code timestamp} (epoch ms); the max offset if none. */
    long offsetByTimestamp(String topic, int queueId, long timestamp);

    /** The message that starts at a commit-log offset, decoded with its body. */
    Optional<StoredMessage> lookMessageByOffset(long commitLogOffset);

    /** The stored bytes of the message at a commit-log offset (a copy), e.g. for VIEW_MESSAGE_BY_ID. */
    Optional<ByteBuffer> selectMessage(long commitLogOffset);

    /** The store time of the oldest message kept in a queue. */
    OptionalLong earliestMessageTime(String topic, int queueId);

    /** The store time of the message at a queue offset. */
    OptionalLong messageStoreTime(String topic, int queueId, long logicalOffset);

    /**
     * Commit-log offsets of messages of {@code topic} indexed under {@code key} (a key of the KEYS property or a
     * unique id) and stored within [{@code begin}, {@code end}] (epoch ms), at most {@code maxNum}. Candidates by
     * hash: check each message's keys. A store without an index finds nothing.
     */
    default IndexHits queryIndex(String topic, String key, int maxNum, long begin, long end) {
        return IndexHits.NONE;
    }

    /** Commit-log offset just after the last appended message. */
    long commitLogMaxOffset();

    long commitLogMinOffset();

    void addArrivedListener(MessageArrivedListener listener);

    /** Flushes everything, writes the checkpoint and marks a clean stop. Appends after this are refused. */
    void shutdown();

    @Override
    default void close() {
        shutdown();
    }
}
