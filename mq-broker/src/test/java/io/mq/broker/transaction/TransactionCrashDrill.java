package io.mq.broker.transaction;

import static io.mq.protocol.message.MessageSysFlag.TRANSACTION_COMMIT_TYPE;
import static io.mq.protocol.message.MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;

import io.mq.broker.store.FlushDiskType;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs transactions on a SYNC_FLUSH store in its own JVM until killed: each transaction is prepared, then committed,
 * rolled back or left pending in turn, with a check round now and then (so pending ones get re-put copies). Prints
 * {@code PREPARED <key> <commitLogOffset> <queueOffset>}, then {@code COMMITTED <key>} / {@code ROLLED_BACK <key>}
 * once the END returned. A test kills it with SIGKILL and checks the outcome on the reopened store.
 * Usage: {@code TransactionCrashDrill <rootDir>}.
 */
public final class TransactionCrashDrill {

    private TransactionCrashDrill() {
    }

    public static void main(String[] args) {
        var settings = new TransactionSettings(Duration.ZERO, Duration.ofSeconds(60), 15);
        var tx = new TransactionFixture(Path.of(args[0]), settings, FlushDiskType.SYNC_FLUSH);
        var out = System.out;
        for (int i = 0; ; i++) {
            String key = "tx-" + i;
            var half = tx.service.prepare(TransactionFixture.draft(key, "body-" + key)).join();
            out.println("PREPARED " + key + " " + half.physicalOffset() + " " + half.queueOffset());
            switch (i % 3) {
                case 0 -> {
                    tx.end(half, TRANSACTION_COMMIT_TYPE);
                    out.println("COMMITTED " + key);
                }
                case 1 -> {
                    tx.end(half, TRANSACTION_ROLLBACK_TYPE);
                    out.println("ROLLED_BACK " + key);
                }
                default -> {
                    // left pending
                }
            }
            if (i % 20 == 19) {
                tx.service.check();
                out.println("CHECKED " + i);
            }
            out.flush();
        }
    }
}
