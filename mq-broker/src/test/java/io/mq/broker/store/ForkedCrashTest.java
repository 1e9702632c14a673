package io.mq.broker.store;

import static io.mq.broker.store.StoreFixture.body;
import static io.mq.broker.store.StoreFixture.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills a store's JVM mid-stream (SIGKILL) and proves every acknowledged message is still there. */
class ForkedCrashTest {
    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path root;

    private record Ack(int queueId, long queueOffset, String body) {
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyAcknowledgedMessageSurvivesAKill() throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                StoreCrashDrill.class.getName(), root.toString(), "4")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        var acks = new ArrayList<Ack>();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acks.size() < ACKS_BEFORE_KILL && (line = lines.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    var parts = line.split(" ", 4);
                    acks.add(new Ack(Integer.parseInt(parts[1]), Long.parseLong(parts[2]), parts[3]));
                }
            }
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(acks).hasSize(ACKS_BEFORE_KILL);
        assertThat(root.resolve("abort")).exists();

        var config = StoreConfig.defaults(root, StoreFixture.STORE_HOST).withCommitLogSegmentSize(256 * 1024)
                .withConsumeQueueEntriesPerFile(100);
        var store = new DefaultMessageStore(config);
        store.start();
        try {
            for (var ack : acks) {
                var found = store.getMessages("g", "Drill", ack.queueId(), ack.queueOffset(), 1, Integer.MAX_VALUE,
                        MessageFilter.ALL);
                assertThat(found.status()).as("queue %d offset %d", ack.queueId(), ack.queueOffset())
                        .isEqualTo(GetMessageStatus.FOUND);
                assertThat(body(decode(found.messages().get(0)))).isEqualTo(ack.body());
            }
        } finally {
            store.shutdown();
        }
    }
}
