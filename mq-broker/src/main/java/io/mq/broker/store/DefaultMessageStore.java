package io.mq.broker.store;

import io.mq.broker.store.index.IndexConfig;
import io.mq.broker.store.index.IndexHits;
import io.mq.broker.store.index.MessageIndex;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.StoredMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MessageStore} on local files: wires the commit log, flusher, dispatcher, consume queues and checkpoint,
 * and runs recovery on start. Holds no static state, so several stores (or a store in a forked JVM) can run side
 * by side on different directories.
 */
public final class DefaultMessageStore implements MessageStore {
    private static final Logger log = LoggerFactory.getLogger(DefaultMessageStore.class);

    private enum State { NEW, RUNNING, STOPPED }

    private final StoreConfig config;
    private final QueueOffsetTable queueOffsets = new QueueOffsetTable();
    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;
    private final Dispatcher dispatcher;
    private final CommitLogFlusher flusher;
    private final Checkpoint checkpoint;
    private final Checkpointer checkpointer;
    private final AbortMarker abortMarker;
    private final MessageFetcher fetcher;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final IndexConfig indexConfig;
    private volatile MessageIndex index;
    private StoreLock lock;

    public DefaultMessageStore(StoreConfig config) {
        this(config, TagsCodeCalculator.tagsHash());
    }

    public DefaultMessageStore(StoreConfig config, TagsCodeCalculator tagsCodes) {
        this(config, tagsCodes, IndexConfig.DEFAULTS);
    }

    /** @param indexConfig sizes of the key index's files under {@code <rootDir>/index/} */
    public DefaultMessageStore(StoreConfig config, TagsCodeCalculator tagsCodes, IndexConfig indexConfig) {
        this.config = config;
        this.indexConfig = indexConfig;
        this.commitLog = new CommitLog(config, queueOffsets);
        this.consumeQueues = new ConsumeQueueTable(config.consumeQueueDir(), config.consumeQueueEntriesPerFile());
        this.dispatcher = new Dispatcher(commitLog, consumeQueues, tagsCodes);
        this.flusher = CommitLogFlusher.of(config, commitLog);
        this.checkpoint = new Checkpoint(config.rootDir());
        this.checkpointer = new Checkpointer(commitLog, consumeQueues, dispatcher, checkpoint, this::flushIndex,
                config.flushInterval());
        this.abortMarker = new AbortMarker(config.rootDir());
        this.fetcher = new MessageFetcher(commitLog, consumeQueues);
    }

    public StoreConfig config() {
        return config;
    }

    @Override
    public void start() {
        if (!state.compareAndSet(State.NEW, State.RUNNING)) {
            throw new IllegalStateException("a store starts once");
        }
        try {
            Files.createDirectories(config.rootDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lock = StoreLock.acquire(config.rootDir());
        index = MessageIndex.open(config.rootDir().resolve("index"), indexConfig);
        dispatcher.addStoredListener(index::add);
        boolean crashed = abortMarker.isPresent();
        abortMarker.create();
        recover(crashed);
        flusher.start();
        dispatcher.start();
        checkpointer.start();
    }

    /**
     * After a clean stop the data is trusted up to the last valid message. After a crash the commit log is checked
     * (magic, size, CRC) from the checkpoint's segment and cut at the first bad record; the consume queues lose
     * entries beyond the cut and get those after their end re-dispatched; queue offsets continue from them. The key
     * index loses entries beyond the cut too, and re-dispatch starts early enough for what it has not covered.
     */
    private void recover(boolean crashed) {
        var saved = checkpoint.load();
        commitLog.load();
        consumeQueues.load();
        long end = commitLog.recover(crashed ? saved.flushedOffset() : Long.MAX_VALUE, crashed);
        for (var queue : consumeQueues.all()) {
            queue.truncateBeyond(end);
        }
        index.truncateBeyond(end);
        long trusted = Math.min(saved.flushedOffset(), end);
        long redispatchFrom = Math.max(commitLog.minOffset(),
                Math.min(trusted - trusted % config.commitLogSegmentSize(), index.coveredOffset()));
        dispatcher.catchUp(redispatchFrom);
        queueOffsets.clear();
        for (var queue : consumeQueues.all()) {
            queueOffsets.raiseTo(queue.topicQueue(), queue.maxOffset());
        }
        log.info("store {} recovered ({}): commit log ends at {}, re-dispatched from {}", config.rootDir(),
                crashed ? "after a crash" : "clean stop", end, redispatchFrom);
    }

    @Override
    public CompletableFuture<AppendResult> append(MessageDraft draft) {
        if (state.get() != State.RUNNING) {
            return CompletableFuture.completedFuture(AppendResult.rejected(AppendStatus.SERVICE_NOT_AVAILABLE));
        }
        return afterAppend(commitLog.append(draft), draft);
    }

    @Override
    public CompletableFuture<AppendResult> appendBatch(List<MessageDraft> drafts) {
        if (state.get() != State.RUNNING) {
            return CompletableFuture.completedFuture(AppendResult.rejected(AppendStatus.SERVICE_NOT_AVAILABLE));
        }
        return afterAppend(commitLog.appendBatch(drafts), drafts.isEmpty() ? null : drafts.get(0));
    }

    private CompletableFuture<AppendResult> afterAppend(AppendResult result, MessageDraft draft) {
        if (!result.status().isStored()) {
            return CompletableFuture.completedFuture(result);
        }
        dispatcher.wakeup();
        boolean waitForDisk = !"false".equals(draft.property(MessageProperties.WAIT_STORE_MSG_OK));
        return flusher.whenDurable(result, waitForDisk);
    }

    @Override
    public GetMessageResult getMessages(String group, String topic, int queueId, long offset, int maxCount,
            int maxBytes, MessageFilter filter) {
        return fetcher.fetch(topic, queueId, offset, maxCount, maxBytes, filter == null ? MessageFilter.ALL : filter);
    }

    @Override
    public long maxOffset(String topic, int queueId) {
        var queue = consumeQueues.find(topic, queueId);
        return queue == null ? 0 : queue.maxOffset();
    }

    @Override
    public long minOffset(String topic, int queueId) {
        var queue = consumeQueues.find(topic, queueId);
        return queue == null ? 0 : queue.minOffset();
    }

    @Override
    public long offsetByTimestamp(String topic, int queueId, long timestamp) {
        var queue = consumeQueues.find(topic, queueId);
        return queue == null ? 0 : queue.offsetByTimestamp(timestamp, this::storeTimeAt);
    }

    /** Store time of the message at a commit-log offset, -1 if none is there. */
    private long storeTimeAt(long commitLogOffset) {
        var header = commitLog.readBytes(commitLogOffset, MessageCodec.MIN_STORE_SIZE);
        return header == null ? -1 : MessageCodec.peekStoreTimestamp(header, 0);
    }

    @Override
    public Optional<StoredMessage> lookMessageByOffset(long commitLogOffset) {
        return Optional.ofNullable(commitLog.read(commitLogOffset));
    }

    @Override
    public Optional<ByteBuffer> selectMessage(long commitLogOffset) {
        var record = commitLog.selectRecord(commitLogOffset);
        boolean isMessage = record != null
                && record.getInt(MessageCodec.MAGIC_CODE_POSITION) == MessageCodec.MAGIC_CODE;
        return isMessage ? Optional.of(record) : Optional.empty();
    }

    @Override
    public OptionalLong earliestMessageTime(String topic, int queueId) {
        return messageStoreTime(topic, queueId, minOffset(topic, queueId));
    }

    @Override
    public OptionalLong messageStoreTime(String topic, int queueId, long logicalOffset) {
        var queue = consumeQueues.find(topic, queueId);
        var entry = queue == null ? null : queue.entry(logicalOffset);
        long time = entry == null ? -1 : storeTimeAt(entry.commitLogOffset());
        return time < 0 ? OptionalLong.empty() : OptionalLong.of(time);
    }

    @Override
    public IndexHits queryIndex(String topic, String key, int maxNum, long begin, long end) {
        var current = index;
        return current == null ? IndexHits.NONE : current.query(topic, key, maxNum, begin, end);
    }

    private void flushIndex() {
        var current = index;
        if (current != null) {
            current.flush();
        }
    }

    @Override
    public long commitLogMaxOffset() {
        return commitLog.maxOffset();
    }

    @Override
    public long commitLogMinOffset() {
        return commitLog.minOffset();
    }

    /** Commit-log offset up to which consume queues are built (messages below it are pullable). */
    public long dispatchedOffset() {
        return dispatcher.dispatchedOffset();
    }

    /** Commit-log offset up to which everything is on disk. */
    public long commitLogFlushedOffset() {
        return commitLog.flushedOffset();
    }

    /** The commit log itself, for the store's own tests. */
    CommitLog commitLog() {
        return commitLog;
    }

    /** How many fsyncs of the commit log actually wrote something: group commit keeps it below the appends. */
    public long commitLogFsyncCount() {
        return commitLog.forceCount();
    }

    @Override
    public void addArrivedListener(MessageArrivedListener listener) {
        dispatcher.addListener(listener);
    }

    /** Adds a listener that sees every stored message record in log order (see {@link StoredMessageListener}). */
    public void addStoredListener(StoredMessageListener listener) {
        dispatcher.addStoredListener(listener);
    }

    @Override
    public void shutdown() {
        if (state.compareAndSet(State.NEW, State.STOPPED) || !state.compareAndSet(State.RUNNING, State.STOPPED)) {
            return;
        }
        commitLog.close();
        flusher.shutdown();
        dispatcher.shutdown();
        checkpointer.shutdown();
        index.close();
        commitLog.release();
        abortMarker.delete();
        lock.close();
        log.info("store {} stopped cleanly at commit log offset {}", config.rootDir(), commitLog.maxOffset());
    }

    /**
     * Stops every thread and releases the directory without flushing, checkpointing or marking a clean stop: what a
     * killed process leaves behind (written pages stay in the OS page cache). For crash tests and drills.
     */
    public void halt() {
        if (!state.compareAndSet(State.RUNNING, State.STOPPED)) {
            return;
        }
        commitLog.close();
        dispatcher.halt();
        checkpointer.halt();
        flusher.halt();
        commitLog.release();
        lock.close();
    }
}
