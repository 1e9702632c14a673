package io.mq.spring.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The fence rule against each database: a check-back answers from the table, exactly, whatever the timing. */
class TransactionFenceTest {

    private static final Duration LOCK_TIMEOUT = Duration.ofMillis(300);

    HikariDataSource dataSource;
    String table;
    TransactionFence fence;
    TransactionTemplate transactions;

    void open(TestDatabase database) {
        dataSource = database.open();
        table = TestDatabase.uniqueTable("fence");
        fence = new TransactionFence(dataSource, table, LOCK_TIMEOUT);
        fence.createTable();
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterEach
    void close() {
        if (dataSource != null) {
            new JdbcTemplate(dataSource).execute("DROP TABLE IF EXISTS " + table);
            dataSource.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCommittedBusinessTransactionIsAnsweredCommit(TestDatabase database) {
        open(database);
        var id = newId();

        transactions.executeWithoutResult(status -> fence.record(id, "g"));

        assertThat(fence.check(id, "g")).isEqualTo(LocalOutcome.COMMIT);
        assertThat(fence.check(id, "g")).isEqualTo(LocalOutcome.COMMIT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nothingRecordedIsAnsweredRollbackAndTheLateBusinessTransactionCannotCommit(TestDatabase database) {
        open(database);
        var id = newId();

        assertThat(fence.check(id, "g")).isEqualTo(LocalOutcome.ROLLBACK);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> fence.record(id, "g")))
                .isInstanceOf(TransactionFencedException.class);
        assertThat(fence.check(id, "g")).isEqualTo(LocalOutcome.ROLLBACK);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRolledBackBusinessTransactionIsAnsweredRollback(TestDatabase database) {
        open(database);
        var id = newId();

        transactions.executeWithoutResult(status -> {
            fence.record(id, "g");
            status.setRollbackOnly();
        });

        assertThat(fence.check(id, "g")).isEqualTo(LocalOutcome.ROLLBACK);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBusinessTransactionStillRunningIsAnsweredUnknownThenItsOutcome(TestDatabase database) throws Exception {
        open(database);
        var committing = newId();
        var rollingBack = newId();
        var holding = holdOpen(committing, false);
        var holdingRollback = holdOpen(rollingBack, true);

        assertThat(fence.check(committing, "g")).isEqualTo(LocalOutcome.UNKNOWN);
        assertThat(fence.check(rollingBack, "g")).isEqualTo(LocalOutcome.UNKNOWN);

        holding.release();
        holdingRollback.release();
        holding.done.get(10, TimeUnit.SECONDS);
        holdingRollback.done.get(10, TimeUnit.SECONDS);
        assertThat(fence.check(committing, "g")).isEqualTo(LocalOutcome.COMMIT);
        assertThat(fence.check(rollingBack, "g")).isEqualTo(LocalOutcome.ROLLBACK);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCheckWaitingOnTheKeyFollowsTheBusinessTransactionThatEndsMeanwhile(TestDatabase database)
            throws Exception {
        open(database);
        var longWait = new TransactionFence(dataSource, table, Duration.ofSeconds(10));
        var id = newId();
        var holding = holdOpen(id, false);

        var check = CompletableFuture.supplyAsync(() -> longWait.check(id, "g"));
        holding.release();

        assertThat(check.get(15, TimeUnit.SECONDS)).isEqualTo(LocalOutcome.COMMIT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentChecksAgree(TestDatabase database) {
        open(database);
        var id = newId();

        var checks = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> fence.check(id, "g"))).toList();

        assertThat(checks).extracting(CompletableFuture::join).containsOnly(LocalOutcome.ROLLBACK);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recordingOutsideADatabaseTransactionIsRefused(TestDatabase database) {
        open(database);

        assertThatThrownBy(() -> fence.record(newId(), "g")).isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("database transaction");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void creatingTheTableTwiceIsHarmless(TestDatabase database) {
        open(database);

        fence.createTable();

        assertThat(SqlTables.exists(dataSource, table)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theCleanerDeletesRowsPastTheRetentionInBatches(TestDatabase database) {
        open(database);
        var start = Instant.parse("2030-01-01T00:00:00Z");
        var old = new TransactionFence(dataSource, SqlDialect.of(dataSource), table, LOCK_TIMEOUT,
                Clock.fixed(start, ZoneOffset.UTC));
        for (int i = 0; i < 7; i++) {
            old.check(newId(), "g"); // each leaves a ROLLED_BACK row dated start
        }
        var recent = new TransactionFence(dataSource, SqlDialect.of(dataSource), table, LOCK_TIMEOUT,
                Clock.fixed(start.plus(Duration.ofDays(2)), ZoneOffset.UTC));
        var kept = newId();
        recent.check(kept, "g");

        var cleaner = new ExpiredRowsCleaner(java.util.List.of(fence), Duration.ofDays(1), Duration.ofMinutes(1), 3,
                Clock.fixed(start.plus(Duration.ofDays(2)), ZoneOffset.UTC));

        assertThat(cleaner.cleanOnce()).isEqualTo(7);
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT transaction_id FROM " + table, String.class))
                .containsExactly(kept);
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }

    /** A business transaction on another thread that records {@code id} and stays open until released. */
    private Held holdOpen(String id, boolean rollback) throws InterruptedException {
        var recorded = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var done = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            fence.record(id, "g");
            recorded.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (rollback) {
                status.setRollbackOnly();
            }
        }));
        assertThat(recorded.await(10, TimeUnit.SECONDS)).as("business transaction recorded").isTrue();
        return new Held(release, done);
    }

    private record Held(CountDownLatch latch, CompletableFuture<Void> done) {
        void release() {
            latch.countDown();
        }
    }
}
