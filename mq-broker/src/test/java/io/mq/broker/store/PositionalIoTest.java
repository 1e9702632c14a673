package io.mq.broker.store;

import static io.mq.broker.store.StoreFixture.append;
import static io.mq.broker.store.StoreFixture.awaitDispatched;
import static io.mq.broker.store.StoreFixture.body;
import static io.mq.broker.store.StoreFixture.config;
import static io.mq.broker.store.StoreFixture.decode;
import static io.mq.broker.store.StoreFixture.draft;
import static io.mq.broker.store.StoreFixture.started;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit log's writes and reads through positional I/O: big writes, pulls into one buffer, read-ahead. */
class PositionalIoTest {
    @TempDir
    Path root;

    private DefaultMessageStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.shutdown();
        }
    }

    private List<String> bodies(String topic, int queueId) {
        var result = store.getMessages("g", topic, queueId, 0, 10_000, Integer.MAX_VALUE, MessageFilter.ALL);
        return result.messages().stream().map(m -> body(decode(m))).toList();
    }

    private static MessageDraft plain(String topic, String body) {
        return MessageDraft.of(topic, 0, body.getBytes(StandardCharsets.UTF_8), Map.of(), StoreFixture.BORN_HOST);
    }

    @Test
    void batchesAndMessagesLargerThanTheWriteBufferAreStoredWholeAndSurviveACrash() {
        var config = config(root).withCommitLogSegmentSize(4 * 1024 * 1024).withMaxMessageSize(512 * 1024)
                .withFlushDiskType(FlushDiskType.SYNC_FLUSH);
        store = started(config);
        var expected = new ArrayList<String>();
        var batch = new ArrayList<MessageDraft>();
        for (int i = 0; i < 10; i++) {
            var text = i + "-" + "b".repeat(60 * 1024);
            batch.add(plain("Big", text));
            expected.add(text);
        }
        assertThat(store.appendBatch(batch).join().status()).isEqualTo(AppendStatus.OK); // 600 KB: several writes
        var large = "L".repeat(300 * 1024);
        assertThat(append(store, plain("Big", large)).status()).isEqualTo(AppendStatus.OK);
        expected.add(large);
        var small = append(store, draft("Big", 0, "small after"));
        expected.add("small after");
        awaitDispatched(store);
        assertThat(bodies("Big", 0)).isEqualTo(expected);
        assertThat(store.lookMessageByOffset(small.physicalOffset()).orElseThrow().queueOffset()).isEqualTo(11);

        store.halt(); // recovery re-checks every record and its CRC through the read-ahead buffer
        store = started(config);

        assertThat(bodies("Big", 0)).isEqualTo(expected);
        assertThat(append(store, draft("Big", 0, "next")).queueOffset()).isEqualTo(12);
    }

    @Test
    void aPullReadsTheMatchedMessagesBackToBackIntoOneBuffer() {
        store = started(config(root));
        for (var text : List.of("a", "skip-b", "c", "skip-d", "e")) {
            append(store, draft("Pull", 0, text));
            append(store, draft("Other", 0, "interleaved " + text)); // not adjacent in the commit log
        }
        awaitDispatched(store);
        var notSkipped = new MessageFilter() {
            @Override
            public boolean matchesTagsCode(long tagsCode) {
                return true;
            }

            @Override
            public boolean matchesMessage(ByteBuffer message) {
                return !body(MessageCodec.decode(message.duplicate(), true)).startsWith("skip");
            }
        };

        var result = store.getMessages("g", "Pull", 0, 0, 32, 1 << 20, notSkipped);

        assertThat(result.status()).isEqualTo(GetMessageStatus.FOUND);
        assertThat(result.messageCount()).isEqualTo(3);
        assertThat(result.nextBeginOffset()).isEqualTo(5);
        var body = result.body();
        var decoded = MessageCodec.decodeAll(body, true);
        assertThat(decoded).extracting(StoreFixture::body).containsExactly("a", "c", "e");
        assertThat(decoded).extracting(m -> m.queueOffset()).containsExactly(0L, 2L, 4L);
        assertThat(result.totalBytes()).isEqualTo(decoded.stream().mapToInt(m -> m.storeSize()).sum());
        assertThat(result.messages()).extracting(m -> body(decode(m))).containsExactly("a", "c", "e");
    }

    @Test
    void aPullStopsAtTheByteLimitButReturnsAtLeastOneMessage() {
        store = started(config(root));
        for (int i = 0; i < 4; i++) {
            append(store, draft("Limit", 0, "m" + i + "-" + "x".repeat(1000)));
        }
        awaitDispatched(store);

        var one = store.getMessages("g", "Limit", 0, 0, 32, 10, MessageFilter.ALL);
        int size = one.totalBytes();
        var two = store.getMessages("g", "Limit", 0, 1, 32, 3 * size - 1, MessageFilter.ALL);

        assertThat(one.messageCount()).isEqualTo(1);
        assertThat(one.nextBeginOffset()).isEqualTo(1);
        assertThat(two.messageCount()).isEqualTo(2);
        assertThat(two.messages()).extracting(m -> body(decode(m)).substring(0, 2)).containsExactly("m1", "m2");
        assertThat(two.nextBeginOffset()).isEqualTo(3);
    }
}
