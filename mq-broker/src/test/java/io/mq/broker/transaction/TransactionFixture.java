package io.mq.broker.transaction;

import static org.awaitility.Awaitility.await;

import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.store.AppendResult;
import io.mq.broker.store.DefaultMessageStore;
import io.mq.broker.store.FlushDiskType;
import io.mq.broker.store.MessageFilter;
import io.mq.broker.store.StoreConfig;
import io.mq.broker.topic.SystemTopics;
import io.mq.protocol.header.CheckTransactionStateRequestHeader;
import io.mq.protocol.header.EndTransactionRequestHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.message.StoredMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A real store and offsets in a folder, a transaction service on them, and one recording producer connection. */
final class TransactionFixture implements AutoCloseable {

    static final String GROUP = "tx-group";
    static final String TOPIC = "orders";
    static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    final Path root;
    final DefaultMessageStore store;
    final ConsumerOffsets offsets;
    final RecordingChannel producer = new RecordingChannel();
    final AtomicBoolean producerConnected = new AtomicBoolean(true);
    final TransactionalMessageService service;

    TransactionFixture(Path root, TransactionSettings settings) {
        this(root, settings, FlushDiskType.ASYNC_FLUSH);
    }

    TransactionFixture(Path root, TransactionSettings settings, FlushDiskType flush) {
        this.root = root;
        this.store = new DefaultMessageStore(storeConfig(root, flush));
        store.start();
        this.offsets = ConsumerOffsets.open(root);
        ProducerChannels channels = group -> GROUP.equals(group) && producerConnected.get()
                ? Optional.of(producer) : Optional.empty();
        this.service = new TransactionalMessageService(store, offsets, channels, settings);
        service.recover();
    }

    static StoreConfig storeConfig(Path root, FlushDiskType flush) {
        return StoreConfig.defaults(root, HOST)
                .withCommitLogSegmentSize(64 * 1024 * 1024)
                .withConsumeQueueEntriesPerFile(200_000)
                .withFlushDiskType(flush)
                .withFlushInterval(Duration.ofMillis(50));
    }

    static TransactionSettings settings(Duration timeout, int checkMax) {
        return new TransactionSettings(timeout, Duration.ofSeconds(60), checkMax);
    }

    static MessageDraft draft(String key, String body) {
        var properties = new LinkedHashMap<String, String>();
        properties.put(MessageProperties.TAGS, "created");
        properties.put(MessageProperties.KEYS, key);
        properties.put(MessageProperties.TRANSACTION_PREPARED, "true");
        properties.put(MessageProperties.PRODUCER_GROUP, GROUP);
        properties.put(MessageProperties.UNIQ_KEY, key);
        return new MessageDraft(TOPIC, 3, 0, body.getBytes(StandardCharsets.UTF_8), properties,
                MessageSysFlag.TRANSACTION_PREPARED_TYPE, System.currentTimeMillis(), new InetSocketAddress("127.0.0.1", 50000), 0, 0L);
    }

    /** Sends a half message as the send path would and waits until the check can see it. */
    AppendResult prepare(String key) {
        var result = service.prepare(draft(key, "body-" + key)).join();
        awaitDispatched();
        return result;
    }

    void awaitDispatched() {
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                .until(() -> store.dispatchedOffset() >= store.commitLogMaxOffset());
    }

    EndOutcome end(AppendResult half, int type) {
        return end(half.physicalOffset(), half.queueOffset(), type, false);
    }

    EndOutcome end(long commitLogOffset, long queueOffset, int type, boolean fromCheck) {
        return service.end(new EndTransactionRequestHeader(GROUP, queueOffset, commitLogOffset, type, fromCheck,
                "msg", "tx"));
    }

    /** Answers a recorded check with {@code type}, as the official client does. */
    EndOutcome answer(CheckTransactionStateRequestHeader check, int type) {
        return end(check.commitLogOffset(), check.tranStateTableOffset(), type, true);
    }

    List<CheckTransactionStateRequestHeader> checks() {
        return producer.oneways.stream().map(CheckTransactionStateRequestHeader::from).toList();
    }

    /** Every message of a topic's queue, decoded with bodies. */
    List<StoredMessage> messages(String topic, int queueId) {
        awaitDispatched();
        var all = new ArrayList<StoredMessage>();
        long offset = store.minOffset(topic, queueId);
        while (offset < store.maxOffset(topic, queueId)) {
            var batch = store.getMessages("test", topic, queueId, offset, 64, Integer.MAX_VALUE, MessageFilter.ALL);
            for (var buffer : batch.messages()) {
                all.add(MessageCodec.decode(buffer.duplicate(), true));
            }
            offset = batch.nextBeginOffset();
        }
        return all;
    }

    List<StoredMessage> delivered() {
        return messages(TOPIC, 3);
    }

    List<StoredMessage> opRecords() {
        return messages(SystemTopics.TRANS_OP_HALF, 0);
    }

    /** One check round over everything stored so far. */
    CheckRound checkRound() {
        awaitDispatched();
        return service.check();
    }

    static String body(StoredMessage message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        offsets.close();
        store.shutdown();
    }
}
