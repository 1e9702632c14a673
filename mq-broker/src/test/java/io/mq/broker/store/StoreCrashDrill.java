package io.mq.broker.store;

import io.mq.protocol.message.MessageDraft;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs a SYNC_FLUSH store in its own JVM and appends until killed, printing {@code ACK <queueId> <queueOffset>
 * <body>} for every acknowledged message. A test (or an operator) kills it with SIGKILL, then reopens the directory
 * and checks that every acknowledged message survived. Usage: {@code StoreCrashDrill <rootDir> [queues]}.
 */
public final class StoreCrashDrill {
    private StoreCrashDrill() {
    }

    public static void main(String[] args) throws Exception {
        var root = Path.of(args[0]);
        int queues = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        var host = new InetSocketAddress(InetAddress.getLoopbackAddress(), 10911);
        var config = StoreConfig.defaults(root, host)
                .withCommitLogSegmentSize(256 * 1024)
                .withConsumeQueueEntriesPerFile(100)
                .withFlushDiskType(FlushDiskType.SYNC_FLUSH)
                .withFlushInterval(Duration.ofMillis(100));
        var store = new DefaultMessageStore(config);
        store.start();
        var out = System.out;
        for (long i = 0; ; i++) {
            int queueId = (int) (i % queues);
            var body = "drill-" + i + "-" + "x".repeat((int) (i % 300));
            var result = store.append(MessageDraft.of("Drill", queueId, body.getBytes(StandardCharsets.UTF_8),
                    Map.of("KEYS", "k" + i), host)).join();
            if (result.isOk()) {
                out.println("ACK " + queueId + " " + result.queueOffset() + " " + body);
                out.flush();
            }
        }
    }
}
