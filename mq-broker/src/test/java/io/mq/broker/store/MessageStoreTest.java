package io.mq.broker.store;

import static io.mq.broker.store.StoreFixture.append;
import static io.mq.broker.store.StoreFixture.awaitDispatched;
import static io.mq.broker.store.StoreFixture.body;
import static io.mq.broker.store.StoreFixture.config;
import static io.mq.broker.store.StoreFixture.decode;
import static io.mq.broker.store.StoreFixture.draft;
import static io.mq.broker.store.StoreFixture.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageId;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageStoreTest {
    @TempDir
    Path root;

    private DefaultMessageStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.shutdown();
        }
    }

    @Test
    void appendedMessageReadsBackByOffsetIdAndFromItsQueue() {
        store = started(config(root));

        var result = append(store, draft("Orders", 1, "hello", "paid"));

        assertThat(result.status()).isEqualTo(AppendStatus.OK);
        assertThat(result.queueOffset()).isZero();
        assertThat(result.physicalOffset()).isZero();
        assertThat(MessageId.decode(result.msgId())).isEqualTo(new MessageId(StoreFixture.STORE_HOST, 0));
        var stored = store.lookMessageByOffset(result.physicalOffset()).orElseThrow();
        assertThat(body(stored)).isEqualTo("hello");
        assertThat(stored.tags()).isEqualTo("paid");
        assertThat(stored.storeTimestamp()).isEqualTo(result.storeTimestamp());
        assertThat(stored.storeSize()).isEqualTo(result.size());
        assertThat(stored.bodyCrcMatches()).isTrue();

        awaitDispatched(store);
        var pulled = store.getMessages("g", "Orders", 1, 0, 32, 1024 * 1024, MessageFilter.ALL);
        assertThat(pulled.status()).isEqualTo(GetMessageStatus.FOUND);
        assertThat(pulled.nextBeginOffset()).isEqualTo(1);
        assertThat(pulled.maxOffset()).isEqualTo(1);
        assertThat(body(decode(pulled.messages().get(0)))).isEqualTo("hello");
        assertThat(pulled.messages().get(0).isReadOnly()).isTrue();
    }

    @Test
    void queueOffsetsCountPerTopicQueue() {
        store = started(config(root));

        var offsets = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            offsets.add(append(store, draft("A", 0, "a" + i)).queueOffset());
            offsets.add(append(store, draft("A", 1, "b" + i)).queueOffset());
            offsets.add(append(store, draft("B", 0, "c" + i)).queueOffset());
        }

        assertThat(offsets).containsExactly(0L, 0L, 0L, 1L, 1L, 1L, 2L, 2L, 2L);
        awaitDispatched(store);
        assertThat(store.maxOffset("A", 0)).isEqualTo(3);
        assertThat(store.maxOffset("A", 1)).isEqualTo(3);
        assertThat(store.maxOffset("B", 0)).isEqualTo(3);
        assertThat(store.maxOffset("C", 0)).isZero();
    }

    @Test
    void aMessageThatDoesNotFitPadsTheSegmentAndRollsOver() throws Exception {
        var config = config(root).withCommitLogSegmentSize(16 * 1024);
        store = started(config);
        var results = new ArrayList<AppendResult>();
        for (int i = 0; i < 12; i++) {
            results.add(append(store, draft("Big", 0, String.valueOf(i).repeat(3000))));
        }

        assertThat(results).allSatisfy(r -> {
            long segmentStart = r.physicalOffset() / (16 * 1024) * (16 * 1024);
            assertThat(r.physicalOffset() + r.size()).isLessThanOrEqualTo(segmentStart + 16 * 1024);
        });
        var firstInSecondSegment = results.stream().filter(r -> r.physicalOffset() >= 16 * 1024).findFirst()
                .orElseThrow();
        assertThat(firstInSecondSegment.physicalOffset()).isEqualTo(16 * 1024);
        try (var files = Files.list(config.commitLogDir())) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .startsWith("00000000000000000000", "00000000000000016384");
        }
        var lastInFirstSegment = results.get(results.indexOf(firstInSecondSegment) - 1);
        long padAt = lastInFirstSegment.physicalOffset() + lastInFirstSegment.size();
        var pad = readFile(config.commitLogDir().resolve("00000000000000000000"), padAt, 8);
        assertThat(pad.getInt(0)).isEqualTo(16 * 1024 - (int) padAt);
        assertThat(pad.getInt(4)).isEqualTo(MessageCodec.BLANK_MAGIC_CODE);

        awaitDispatched(store);
        var pulled = store.getMessages("g", "Big", 0, 0, 100, Integer.MAX_VALUE, MessageFilter.ALL);
        assertThat(pulled.messages()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(body(decode(pulled.messages().get(i)))).isEqualTo(String.valueOf(i).repeat(3000));
        }
    }

    @Test
    void readsAQueueAcrossConsumeQueueFilesWithCountAndByteLimits() {
        store = started(config(root).withConsumeQueueEntriesPerFile(10));
        for (int i = 0; i < 25; i++) {
            append(store, draft("Q", 0, "m" + i));
        }
        awaitDispatched(store);

        var firstPage = store.getMessages("g", "Q", 0, 8, 5, Integer.MAX_VALUE, MessageFilter.ALL);
        assertThat(firstPage.messages()).extracting(m -> body(decode(m))).containsExactly("m8", "m9", "m10", "m11", "m12");
        assertThat(firstPage.nextBeginOffset()).isEqualTo(13);

        int oneMessage = store.getMessages("g", "Q", 0, 20, 1, Integer.MAX_VALUE, MessageFilter.ALL)
                .messages().get(0).remaining();
        var byBytes = store.getMessages("g", "Q", 0, 20, 32, oneMessage * 2 + 1, MessageFilter.ALL);
        assertThat(byBytes.messages()).hasSize(2);
        assertThat(byBytes.nextBeginOffset()).isEqualTo(22);

        var tail = store.getMessages("g", "Q", 0, 23, 32, Integer.MAX_VALUE, MessageFilter.ALL);
        assertThat(tail.messages()).extracting(m -> body(decode(m))).containsExactly("m23", "m24");
        assertThat(tail.nextBeginOffset()).isEqualTo(25);
        assertThat(Files.exists(config(root).consumeQueueDir().resolve("Q/0/00000000000000000400"))).isTrue();
    }

    @Test
    void answersOffsetEdgesWithRocketMqStatuses() {
        store = started(config(root));
        for (int i = 0; i < 3; i++) {
            append(store, draft("E", 0, "m" + i));
        }
        awaitDispatched(store);

        assertThat(store.getMessages("g", "nope", 0, 0, 32, 1 << 20, MessageFilter.ALL).status())
                .isEqualTo(GetMessageStatus.NO_MESSAGE_IN_QUEUE);
        var atEnd = store.getMessages("g", "E", 0, 3, 32, 1 << 20, MessageFilter.ALL);
        assertThat(atEnd.status()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_ONE);
        assertThat(atEnd.nextBeginOffset()).isEqualTo(3);
        var beyond = store.getMessages("g", "E", 0, 10, 32, 1 << 20, MessageFilter.ALL);
        assertThat(beyond.status()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_BADLY);
        assertThat(beyond.nextBeginOffset()).isEqualTo(3);
    }

    @Test
    void filtersOnTheTagHashAndSkipsPastUnmatchedEntries() {
        store = started(config(root));
        append(store, draft("T", 0, "a", "TagA"));
        append(store, draft("T", 0, "b", "TagB"));
        append(store, draft("T", 0, "c", "TagA"));
        append(store, draft("T", 0, "d", "TagB"));
        awaitDispatched(store);
        MessageFilter onlyB = tagsCode -> tagsCode == "TagB".hashCode();
        MessageFilter onlyZ = tagsCode -> tagsCode == "TagZ".hashCode();

        var b = store.getMessages("g", "T", 0, 0, 32, 1 << 20, onlyB);
        var z = store.getMessages("g", "T", 0, 0, 32, 1 << 20, onlyZ);

        assertThat(b.messages()).extracting(m -> body(decode(m))).containsExactly("b", "d");
        assertThat(b.nextBeginOffset()).isEqualTo(4);
        assertThat(z.status()).isEqualTo(GetMessageStatus.NO_MATCHED_MESSAGE);
        assertThat(z.nextBeginOffset()).isEqualTo(4);
    }

    @Test
    void findsTheFirstOffsetStoredAtOrAfterATime() {
        store = started(config(root));
        for (int i = 0; i < 5; i++) {
            append(store, draft("Time", 0, "early" + i));
        }
        long lastEarly = store.lookMessageByOffset(append(store, draft("Time", 0, "early5")).physicalOffset())
                .orElseThrow().storeTimestamp();
        await().atMost(Duration.ofSeconds(2)).until(() -> System.currentTimeMillis() > lastEarly);
        var late = append(store, draft("Time", 0, "late0"));
        append(store, draft("Time", 0, "late1"));
        awaitDispatched(store);

        assertThat(store.offsetByTimestamp("Time", 0, late.storeTimestamp())).isEqualTo(6);
        assertThat(store.offsetByTimestamp("Time", 0, 0)).isZero();
        assertThat(store.offsetByTimestamp("Time", 0, Long.MAX_VALUE)).isEqualTo(8);
        assertThat(store.earliestMessageTime("Time", 0)).isPresent();
        assertThat(store.earliestMessageTime("Time", 0).getAsLong()).isLessThanOrEqualTo(lastEarly);
        assertThat(store.messageStoreTime("Time", 0, 6)).hasValue(late.storeTimestamp());
        assertThat(store.earliestMessageTime("Nothing", 0)).isEmpty();
    }

    @Test
    void batchIsStoredConsecutivelyWithOneQueueOffsetPerMessage() {
        store = started(config(root));
        append(store, draft("Batch", 2, "before"));

        var batch = List.of(draft("Batch", 2, "one"), draft("Batch", 2, "two"), draft("Batch", 2, "three"));
        var result = store.appendBatch(batch).join();

        assertThat(result.status()).isEqualTo(AppendStatus.OK);
        assertThat(result.messageCount()).isEqualTo(3);
        assertThat(result.queueOffset()).isEqualTo(1);
        var ids = result.msgId().split(",");
        assertThat(ids).hasSize(3);
        long offset = result.physicalOffset();
        for (int i = 0; i < 3; i++) {
            assertThat(MessageId.decode(ids[i]).commitLogOffset()).isEqualTo(offset);
            var message = store.lookMessageByOffset(offset).orElseThrow();
            assertThat(message.queueOffset()).isEqualTo(1 + i);
            offset += message.storeSize();
        }
        assertThat(offset).isEqualTo(result.physicalOffset() + result.size());
        assertThat(append(store, draft("Batch", 2, "after")).queueOffset()).isEqualTo(4);
    }

    @Test
    void rejectsATooBigMessageAndAMixedBatchWithoutStoringAnything() {
        store = started(config(root).withMaxMessageSize(1024));

        var tooBig = append(store, draft("X", 0, "x".repeat(1025)));
        var mixed = store.appendBatch(List.of(draft("X", 0, "a"), draft("X", 1, "b"))).join();

        assertThat(tooBig.status()).isEqualTo(AppendStatus.MESSAGE_ILLEGAL);
        assertThat(mixed.status()).isEqualTo(AppendStatus.MESSAGE_ILLEGAL);
        assertThat(store.commitLogMaxOffset()).isZero();
    }

    @Test
    void preparedTransactionMessagesAreStoredButNeverQueued() {
        store = started(config(root));
        var half = draft("Tx", 0, "half").withSysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE);

        var halfResult = append(store, half);
        var normal = append(store, draft("Tx", 0, "normal"));

        assertThat(halfResult.queueOffset()).isZero();
        assertThat(normal.queueOffset()).isZero();
        awaitDispatched(store);
        assertThat(store.maxOffset("Tx", 0)).isEqualTo(1);
        assertThat(store.lookMessageByOffset(halfResult.physicalOffset()).orElseThrow().transactionType())
                .isEqualTo(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
    }

    @Test
    void tellsListenersWhenAMessageBecomesPullable() {
        store = started(config(root));
        var arrived = new CopyOnWriteArrayList<String>();
        store.addArrivedListener((topic, queueId, offset, tagsCode, properties) ->
                arrived.add(topic + "/" + queueId + "/" + offset + "/" + tagsCode + "/" + properties.get("KEYS")));

        append(store, draft("L", 3, "x", "TagX"));
        append(store, draft("L", 3, "y"));

        await().atMost(Duration.ofSeconds(5)).until(() -> arrived.size() == 2);
        assertThat(arrived).containsExactly("L/3/0/" + "TagX".hashCode() + "/key-x", "L/3/1/0/key-y");
    }

    @Test
    void refusesASecondStoreOnTheSameDirectoryAndAppendsAfterShutdown() {
        store = started(config(root));

        assertThatThrownBy(() -> started(config(root))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use");
        store.shutdown();
        assertThat(append(store, draft("A", 0, "late")).status()).isEqualTo(AppendStatus.SERVICE_NOT_AVAILABLE);
    }

    @Test
    void selectMessageGivesTheStoredBytes() {
        store = started(config(root));
        var result = append(store, draft("S", 0, "raw", null).withProperty(MessageProperties.UNIQ_KEY, "U-1"));

        ByteBuffer raw = store.selectMessage(result.physicalOffset()).orElseThrow();

        assertThat(raw.remaining()).isEqualTo(result.size());
        assertThat(decode(raw).uniqueKey()).isEqualTo("U-1");
        assertThat(store.selectMessage(result.physicalOffset() + 1)).isEmpty();
    }

    static ByteBuffer readFile(Path file, long position, int length) throws Exception {
        try (var channel = FileChannel.open(file)) {
            var buffer = ByteBuffer.allocate(length);
            channel.read(buffer, position);
            return buffer.flip();
        }
    }
}
