package io.mq.broker.store;

import static org.awaitility.Awaitility.await;

import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.StoredMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;

/** Small segments, fast flushes and helpers shared by the store tests. */
final class StoreFixture {
    static final InetSocketAddress STORE_HOST = address("127.0.0.1", 10911);
    static final InetSocketAddress BORN_HOST = address("127.0.0.1", 50123);

    private StoreFixture() {
    }

    static InetSocketAddress address(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static StoreConfig config(Path root) {
        return StoreConfig.defaults(root, STORE_HOST)
                .withCommitLogSegmentSize(1024 * 1024)
                .withConsumeQueueEntriesPerFile(64)
                .withFlushInterval(Duration.ofMillis(50))
                .withMaxMessageSize(64 * 1024);
    }

    static DefaultMessageStore started(StoreConfig config) {
        var store = new DefaultMessageStore(config);
        store.start();
        return store;
    }

    static MessageDraft draft(String topic, int queueId, String body, String tags) {
        var properties = new LinkedHashMap<String, String>();
        if (tags != null) {
            properties.put(MessageProperties.TAGS, tags);
        }
        properties.put(MessageProperties.KEYS, "key-" + body);
        return MessageDraft.of(topic, queueId, body.getBytes(StandardCharsets.UTF_8), properties, BORN_HOST);
    }

    static MessageDraft draft(String topic, int queueId, String body) {
        return draft(topic, queueId, body, null);
    }

    static AppendResult append(MessageStore store, MessageDraft draft) {
        return store.append(draft).join();
    }

    static void awaitDispatched(DefaultMessageStore store) {
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> store.dispatchedOffset() >= store.commitLogMaxOffset());
    }

    static StoredMessage decode(ByteBuffer stored) {
        return MessageCodec.decode(stored.duplicate(), true);
    }

    static String body(StoredMessage message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }
}
