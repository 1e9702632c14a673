package io.mq.broker.transaction;

import static io.mq.protocol.message.MessageSysFlag.TRANSACTION_COMMIT_TYPE;
import static io.mq.protocol.message.MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.message.StoredMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Half messages, op records and scan offsets survive a clean restart and a SIGKILL. */
class TransactionDurabilityTest {

    @TempDir
    Path root;

    private record Half(long commitLogOffset, long queueOffset) {
    }

    @Test
    void aCleanRestartKeepsEndedTransactionsEndedAndChecksPendingOnesAgain() {
        var settings = TransactionFixture.settings(Duration.ZERO, 15);
        Map<String, Half> halves = new LinkedHashMap<>();
        try (var tx = new TransactionFixture(root, settings)) {
            for (var key : new String[] {"committed", "rolled-back", "answered", "pending", "late"}) {
                var half = tx.prepare(key);
                halves.put(key, new Half(half.physicalOffset(), half.queueOffset()));
            }
            end(tx, halves.get("committed"), TRANSACTION_COMMIT_TYPE);
            end(tx, halves.get("rolled-back"), TRANSACTION_ROLLBACK_TYPE);
            tx.checkRound(); // passes the two ended ones; re-puts and asks about the other three
            var checks = byKey(tx);
            assertThat(checks).containsOnlyKeys("answered", "pending", "late");
            assertThat(tx.answer(checks.get("answered"), TRANSACTION_COMMIT_TYPE))
                    .isInstanceOf(EndOutcome.Committed.class);
        }

        try (var tx = new TransactionFixture(root, settings)) {
            // Repeats of ENDs from before the restart change nothing.
            assertThat(end(tx, halves.get("committed"), TRANSACTION_COMMIT_TYPE))
                    .isInstanceOf(EndOutcome.AlreadyEnded.class);
            assertThat(end(tx, halves.get("rolled-back"), TRANSACTION_COMMIT_TYPE))
                    .isInstanceOf(EndOutcome.AlreadyEnded.class);
            assertThat(end(tx, halves.get("answered"), TRANSACTION_COMMIT_TYPE))
                    .isInstanceOf(EndOutcome.AlreadyEnded.class);
            // The producer's own END for a message the check had re-put still counts, once.
            assertThat(end(tx, halves.get("late"), TRANSACTION_COMMIT_TYPE)).isInstanceOf(EndOutcome.Committed.class);

            var round = tx.checkRound();

            assertThat(round.checked()).isEqualTo(1);
            var check = byKey(tx).get("pending");
            assertThat(tx.store.lookMessageByOffset(check.commitLogOffset()).orElseThrow()
                    .property("TRANSACTION_CHECK_TIMES")).isEqualTo("2");
            assertThat(tx.answer(check, TRANSACTION_COMMIT_TYPE)).isInstanceOf(EndOutcome.Committed.class);
            assertThat(tx.checkRound().checked()).isZero();
            assertThat(counts(tx)).containsOnly(Map.entry("committed", 1L), Map.entry("answered", 1L),
                    Map.entry("late", 1L), Map.entry("pending", 1L));
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void afterASigkillCommittedOnesAreDeliveredOnceRolledBackOnesNeverAndPendingOnesAreCheckedAgain()
            throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                TransactionCrashDrill.class.getName(), root.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<String, Half> prepared = new HashMap<>();
        Set<String> committed = new HashSet<>();
        Set<String> rolledBack = new HashSet<>();
        int checkRounds = 0;
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (checkRounds < 5 && (line = lines.readLine()) != null) {
                var parts = line.split(" ");
                switch (parts[0]) {
                    case "PREPARED" -> prepared.put(parts[1],
                            new Half(Long.parseLong(parts[2]), Long.parseLong(parts[3])));
                    case "COMMITTED" -> committed.add(parts[1]);
                    case "ROLLED_BACK" -> rolledBack.add(parts[1]);
                    case "CHECKED" -> checkRounds++;
                    default -> { }
                }
            }
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, the abort marker stays
            process.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(checkRounds).isEqualTo(5);
        assertThat(root.resolve("abort")).exists();

        try (var tx = new TransactionFixture(root, TransactionFixture.settings(Duration.ZERO, 15))) {
            // A producer repeating its ENDs after the crash changes nothing.
            for (var key : committed) {
                assertThat(end(tx, prepared.get(key), TRANSACTION_COMMIT_TYPE)).as(key)
                        .isInstanceOf(EndOutcome.AlreadyEnded.class);
            }
            for (var key : rolledBack) {
                assertThat(end(tx, prepared.get(key), TRANSACTION_COMMIT_TYPE)).as(key)
                        .isInstanceOf(EndOutcome.AlreadyEnded.class);
            }
            // Every transaction not known to be ended is asked about again; the answer commits it.
            tx.checkRound();
            var asked = byKey(tx);
            for (var check : asked.values()) {
                tx.answer(check, TRANSACTION_COMMIT_TYPE);
            }
            Set<String> pending = new HashSet<>(prepared.keySet());
            pending.removeAll(committed);
            pending.removeAll(rolledBack);
            assertThat(asked.keySet()).as("checked after the restart").containsAll(pending.stream()
                    .filter(key -> Integer.parseInt(key.substring(3)) % 3 == 2).toList());
            assertThat(asked.keySet()).doesNotContainAnyElementsOf(committed).doesNotContainAnyElementsOf(rolledBack);

            var delivered = counts(tx);
            assertThat(delivered.values()).as("no transaction is delivered twice").allMatch(n -> n == 1L);
            assertThat(delivered.keySet()).containsAll(committed).doesNotContainAnyElementsOf(rolledBack);
            assertThat(tx.checkRound().checked()).isZero();
        }
    }

    private static EndOutcome end(TransactionFixture tx, Half half, int type) {
        return tx.end(half.commitLogOffset(), half.queueOffset(), type, false);
    }

    private static Map<String, io.mq.protocol.header.CheckTransactionStateRequestHeader> byKey(TransactionFixture tx) {
        return tx.checks().stream().collect(Collectors.toMap(c -> c.msgId(), Function.identity(), (a, b) -> b));
    }

    private static Map<String, Long> counts(TransactionFixture tx) {
        return tx.delivered().stream().collect(Collectors.groupingBy(StoredMessage::uniqueKey, Collectors.counting()));
    }
}
