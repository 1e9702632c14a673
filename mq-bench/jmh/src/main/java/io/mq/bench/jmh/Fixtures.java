package io.mq.bench.jmh;

import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Random;

/** Messages and directories shared by the benchmarks: shaped like what the official client sends. */
public final class Fixtures {

    public static final InetSocketAddress BORN_HOST = new InetSocketAddress("127.0.0.1", 50_000);
    public static final InetSocketAddress STORE_HOST = new InetSocketAddress("127.0.0.1", 10_911);
    public static final String TOPIC = "BenchTopic";

    private Fixtures() {
    }

    /** Random bytes (incompressible), fixed seed so every fork sees the same. */
    public static byte[] body(int size) {
        var body = new byte[size];
        new Random(42).nextBytes(body);
        return body;
    }

    /** A draft as the 4.9.7 client sends it: a unique id and WAIT=true, plus a tag. */
    public static MessageDraft draft(int bodySize, int queueId) {
        var properties = new LinkedHashMap<String, String>();
        properties.put("UNIQ_KEY", "7F0000010B6A18B4AAC27E0C2D4A0000");
        properties.put(MessageProperties.WAIT_STORE_MSG_OK, "true");
        properties.put(MessageProperties.TAGS, "TagA");
        return MessageDraft.of(TOPIC, queueId, body(bodySize), properties, BORN_HOST);
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
