package io.mq.spring.transaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.IllegalTransactionStateException;

/**
 * The transaction table and the rule that answers a check-back exactly (DESIGN.md, "the fence row"). The business
 * transaction {@link #record records} its half message's id first; a check {@link #check reads} it, and when there is
 * no row, inserts one marked ROLLED_BACK with a short lock wait: inserted means the business transaction can no
 * longer commit (ROLLBACK); a lock wait that times out means it still runs (UNKNOWN); a duplicate key means it
 * committed meanwhile (COMMIT).
 */
public final class TransactionFence implements ExpiredRows {

    private static final Logger log = LoggerFactory.getLogger(TransactionFence.class);
    static final String COMMITTED = "COMMITTED";
    static final String ROLLED_BACK = "ROLLED_BACK";

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final String table;
    private final Duration lockTimeout;
    private final Clock clock;

    /**
     * @param lockTimeout how long a check waits for a business transaction that holds the id before answering
     *                    UNKNOWN (MariaDB/MySQL round it up to whole seconds)
     */
    public TransactionFence(DataSource dataSource, SqlDialect dialect, String table, Duration lockTimeout,
            Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = SqlTables.checkName(table);
        this.lockTimeout = lockTimeout;
        this.clock = clock;
    }

    public TransactionFence(DataSource dataSource, String table, Duration lockTimeout) {
        this(dataSource, SqlDialect.of(dataSource), table, lockTimeout, Clock.systemUTC());
    }

    /** Creates the table unless it exists. */
    public void createTable() {
        SqlTables.create(dataSource, dialect, "io/mq/spring/transaction", table);
    }

    /**
     * Inserts the COMMITTED row for {@code transactionId} in the caller's database transaction on this data source
     * (it becomes visible when that transaction commits). Throws {@link IllegalTransactionStateException} outside
     * such a transaction, and {@link TransactionFencedException} when a check-back has already rolled the message
     * back.
     */
    public void record(String transactionId, String producerGroup) {
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalTransactionStateException("a message is sent in a transaction only inside a "
                        + "database transaction on the fence's data source (e.g. a @Transactional method)");
            }
            insert(connection, transactionId, producerGroup, COMMITTED);
        } catch (SQLException e) {
            if (dialect.isDuplicateKey(e)) {
                throw new TransactionFencedException(transactionId);
            }
            throw new IllegalStateException("cannot record transaction " + transactionId + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The outcome of {@code transactionId} by the fence rule; runs its own short transaction, never the caller's. */
    public LocalOutcome check(String transactionId, String producerGroup) {
        var recorded = read(transactionId);
        if (recorded != null) {
            return recorded;
        }
        try (var connection = dataSource.getConnection()) {
            var fenced = fence(connection, transactionId, producerGroup);
            if (fenced != null) {
                return fenced;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check transaction " + transactionId + ": " + e.getMessage(), e);
        }
        // The key was taken: by the business transaction that committed meanwhile, or by another check that fenced it.
        var settled = read(transactionId);
        return settled != null ? settled : LocalOutcome.UNKNOWN;
    }

    /** Deletes at most {@code batch} rows created before {@code horizon}; returns how many. */
    @Override
    public int deleteOlderThan(Instant horizon, int batch) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(dialect.deleteOlderThan(table, batch))) {
            connection.setAutoCommit(true);
            statement.setLong(1, horizon.toEpochMilli());
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete old rows of " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String table() {
        return table;
    }

    /** ROLLBACK when the fence row went in; UNKNOWN when a running transaction holds the id; null on a duplicate. */
    private LocalOutcome fence(Connection connection, String transactionId, String producerGroup)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            dialect.withLockTimeout(connection, lockTimeout, () -> {
                insert(connection, transactionId, producerGroup, ROLLED_BACK);
                return null;
            });
            connection.commit();
            log.debug("transaction {} of {} fenced: rolled back", transactionId, producerGroup);
            return LocalOutcome.ROLLBACK;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            if (dialect.isLockTimeout(e)) {
                log.debug("transaction {} of {} still runs: unknown", transactionId, producerGroup);
                return LocalOutcome.UNKNOWN;
            }
            if (dialect.isDuplicateKey(e)) {
                return null;
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private LocalOutcome read(String transactionId) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT state FROM " + table
                        + " WHERE transaction_id = ?")) {
            connection.setAutoCommit(true);
            statement.setString(1, transactionId);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return COMMITTED.equals(rows.getString(1)) ? LocalOutcome.COMMIT : LocalOutcome.ROLLBACK;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read transaction " + transactionId + ": " + e.getMessage(), e);
        }
    }

    private void insert(Connection connection, String transactionId, String producerGroup, String state)
            throws SQLException {
        try (var statement = connection.prepareStatement("INSERT INTO " + table
                + " (transaction_id, producer_group, state, created_at) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, transactionId);
            statement.setString(2, producerGroup);
            statement.setString(3, state);
            statement.setLong(4, clock.millis());
            statement.executeUpdate();
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("rollback after a failed fence insert failed: {}", e.getMessage());
        }
    }
}
