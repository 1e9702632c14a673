package io.mq.spring.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.mq.spring.transaction.TestDatabase;
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

/** A message delivered more than once changes the database once, on each database. */
class MqDeduplicatorTest {

    HikariDataSource dataSource;
    String table;
    String effects;
    MqDeduplicator dedup;
    TransactionTemplate transactions;
    JdbcTemplate jdbc;

    void open(TestDatabase database) {
        dataSource = database.open();
        table = TestDatabase.uniqueTable("dedup");
        effects = TestDatabase.uniqueTable("effects");
        dedup = new MqDeduplicator(dataSource, table);
        dedup.createTable();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE " + effects + " (message_key VARCHAR(400) NOT NULL)");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterEach
    void close() {
        if (dataSource != null) {
            jdbc.execute("DROP TABLE IF EXISTS " + table);
            jdbc.execute("DROP TABLE IF EXISTS " + effects);
            dataSource.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSameMessageDeliveredTwiceChangesTheDatabaseOnce(TestDatabase database) {
        open(database);

        var first = deliver("group-a", "order-1");
        var second = deliver("group-a", "order-1");

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(effectCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachConsumerGroupHandlesTheMessageOnce(TestDatabase database) {
        open(database);

        deliver("group-a", "order-1");
        deliver("group-b", "order-1");
        deliver("group-b", "order-1");

        assertThat(effectCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeliveryThatRolledBackDoesNotCountAsHandled(TestDatabase database) {
        open(database);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> dedup.runOnce("g", "order-1", () -> {
            effect("order-1");
            throw new IllegalStateException("listener failed");
        }))).hasMessage("listener failed");
        var redelivered = deliver("g", "order-1");

        assertThat(redelivered).isTrue();
        assertThat(effectCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aConcurrentDuplicateWaitsForTheFirstDeliveryAndThenSkips(TestDatabase database) throws Exception {
        open(database);
        var marked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> transactions.execute(status ->
                dedup.runOnce("g", "order-1", () -> {
                    effect("order-1");
                    marked.countDown();
                    await(release);
                })));
        assertThat(marked.await(10, TimeUnit.SECONDS)).isTrue();

        var second = CompletableFuture.supplyAsync(() -> deliver("g", "order-1"));
        release.countDown();

        assertThat(first.get(15, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(15, TimeUnit.SECONDS)).isFalse();
        assertThat(effectCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keysLongerThanTheColumnAreStoredHashed(TestDatabase database) {
        open(database);
        var longKey = "k".repeat(300);

        assertThat(deliver("g", longKey)).isTrue();
        assertThat(deliver("g", longKey)).isFalse();
        assertThat(deliver("g", longKey + "x")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deduplicatingOutsideADatabaseTransactionIsRefused(TestDatabase database) {
        open(database);

        assertThatThrownBy(() -> dedup.runOnce("g", "order-1", () -> effect("order-1")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(effectCount()).isZero();
    }

    private boolean deliver(String group, String key) {
        return transactions.execute(status -> dedup.runOnce(group, key, () -> effect(key)));
    }

    private void effect(String key) {
        jdbc.update("INSERT INTO " + effects + " (message_key) VALUES (?)", key);
    }

    private int effectCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + effects, Integer.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
