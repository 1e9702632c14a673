package io.mq.spring.transaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What differs between the databases the fence and dedup tables live in: the schema script, how one statement is
 * given a short lock wait, which errors mean "lock wait timed out" and "duplicate key", and how old rows are
 * deleted in batches. Everything else is plain SQL.
 */
public enum SqlDialect {

    H2("h2") {
        @Override
        public <T> T withLockTimeout(Connection connection, Duration timeout, SqlCall<T> call) throws SQLException {
            // A session setting: set it for the call and put the pool's connection back as it was.
            long previous = queryLong(connection, "SELECT LOCK_TIMEOUT()");
            execute(connection, "SET LOCK_TIMEOUT " + Math.max(1, timeout.toMillis()));
            try {
                return call.run();
            } finally {
                execute(connection, "SET LOCK_TIMEOUT " + previous);
            }
        }

        @Override
        public boolean isLockTimeout(SQLException e) {
            // 50200 lock timeout, 40001 deadlock, 90131 concurrent update: the key is held by a running transaction.
            int code = e.getErrorCode();
            return code == 50200 || code == 40001 || code == 90131;
        }

        @Override
        public boolean isDuplicateKey(SQLException e) {
            return e.getErrorCode() == 23505 || "23505".equals(e.getSQLState());
        }

        @Override
        public String deleteOlderThan(String table, int batch) {
            return "DELETE FROM " + table + " WHERE created_at < ? FETCH FIRST " + batch + " ROWS ONLY";
        }

        @Override
        public String insertUnlessPresent(String insert) {
            return insert; // a failed statement leaves an H2 transaction usable
        }
    },

    POSTGRESQL("postgresql") {
        @Override
        public <T> T withLockTimeout(Connection connection, Duration timeout, SqlCall<T> call) throws SQLException {
            // SET LOCAL ends with the transaction the call runs in (the connection is not in autocommit).
            execute(connection, "SET LOCAL lock_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'");
            return call.run();
        }

        @Override
        public boolean isLockTimeout(SQLException e) {
            // 55P03 lock_not_available; 40P01 deadlock; 40001 serialization failure.
            var state = e.getSQLState();
            return "55P03".equals(state) || "40P01".equals(state) || "40001".equals(state);
        }

        @Override
        public boolean isDuplicateKey(SQLException e) {
            return "23505".equals(e.getSQLState());
        }

        @Override
        public String deleteOlderThan(String table, int batch) {
            return "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table
                    + " WHERE created_at < ? LIMIT " + batch + ")";
        }

        @Override
        public String insertUnlessPresent(String insert) {
            // A failed statement aborts a PostgreSQL transaction: let the database skip the duplicate instead.
            return insert + " ON CONFLICT DO NOTHING";
        }
    },

    /** MariaDB and MySQL (InnoDB). */
    MYSQL("mariadb") {
        @Override
        public <T> T withLockTimeout(Connection connection, Duration timeout, SqlCall<T> call) throws SQLException {
            // Whole seconds only; a session setting, put back for the pool.
            long previous = queryLong(connection, "SELECT @@SESSION.innodb_lock_wait_timeout");
            long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
            execute(connection, "SET SESSION innodb_lock_wait_timeout = " + seconds);
            try {
                return call.run();
            } finally {
                execute(connection, "SET SESSION innodb_lock_wait_timeout = " + previous);
            }
        }

        @Override
        public boolean isLockTimeout(SQLException e) {
            // 1205 lock wait timeout, 1213 deadlock.
            return e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
        }

        @Override
        public boolean isDuplicateKey(SQLException e) {
            return e.getErrorCode() == 1062;
        }

        @Override
        public String deleteOlderThan(String table, int batch) {
            return "DELETE FROM " + table + " WHERE created_at < ? LIMIT " + batch;
        }

        @Override
        public String insertUnlessPresent(String insert) {
            return insert; // a duplicate-key error rolls back the statement only
        }
    };

    private final String scriptSuffix;

    SqlDialect(String scriptSuffix) {
        this.scriptSuffix = scriptSuffix;
    }

    /** The dialect of the database behind {@code dataSource}, from its product name. */
    public static SqlDialect of(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return ofProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the transaction tables live in", e);
        }
    }

    static SqlDialect ofProductName(String productName) {
        var name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MYSQL;
        }
        throw new IllegalStateException("transactional messages support H2, PostgreSQL, MariaDB and MySQL, not "
                + productName);
    }

    /** The schema script for this database under {@code base}, e.g. {@code io/mq/spring/transaction/schema-h2.sql}. */
    public String schemaScript(String base) {
        return base + "/schema-" + scriptSuffix + ".sql";
    }

    /**
     * Runs {@code call} on {@code connection} with lock waits cut to {@code timeout}; the connection is in a
     * transaction (not autocommit) for the whole call.
     */
    public abstract <T> T withLockTimeout(Connection connection, Duration timeout, SqlCall<T> call)
            throws SQLException;

    /** The statement waited for a lock another transaction holds, and gave up. */
    public abstract boolean isLockTimeout(SQLException e);

    /** The statement hit a primary or unique key another (committed) row already has. */
    public abstract boolean isDuplicateKey(SQLException e);

    /** A DELETE of at most {@code batch} rows created before its one parameter (epoch millis). */
    public abstract String deleteOlderThan(String table, int batch);

    /**
     * The INSERT made to skip a row whose key exists where a failed statement would spoil the transaction: its update
     * count is then 0. Where it would not, the INSERT as it is (a duplicate then throws, see {@link #isDuplicateKey}).
     */
    public abstract String insertUnlessPresent(String insert);

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** JDBC work that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlCall<T> {
        T run() throws SQLException;
    }
}
