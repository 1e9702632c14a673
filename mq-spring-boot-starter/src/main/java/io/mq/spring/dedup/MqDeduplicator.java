package io.mq.spring.dedup;

import io.mq.client.MessageView;
import io.mq.spring.transaction.ExpiredRows;
import io.mq.spring.transaction.SqlDialect;
import io.mq.spring.transaction.SqlTables;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.IllegalTransactionStateException;

/**
 * Consumer idempotency: a message is handled once per consumer group however often it is delivered. Inside the
 * listener's database transaction, {@link #runOnce} inserts (consumer group, message key) first; a duplicate key
 * means an earlier delivery already committed its effect, so the work is skipped and the message can be acknowledged.
 * A concurrent delivery of the same message waits on the key until the first one commits or rolls back.
 */
public final class MqDeduplicator implements ExpiredRows {

    private static final Logger log = LoggerFactory.getLogger(MqDeduplicator.class);
    /** Keys longer than this are stored as their SHA-256 (the column holds 255 characters). */
    static final int MAX_KEY_LENGTH = 255;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final String table;
    private final Clock clock;

    public MqDeduplicator(DataSource dataSource, SqlDialect dialect, String table, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = SqlTables.checkName(table);
        this.clock = clock;
    }

    public MqDeduplicator(DataSource dataSource, String table) {
        this(dataSource, SqlDialect.of(dataSource), table, Clock.systemUTC());
    }

    /** Creates the table unless it exists. */
    public void createTable() {
        SqlTables.create(dataSource, dialect, "io/mq/spring/dedup", table);
    }

    /**
     * Runs {@code work} unless {@code messageKey} was already handled by {@code consumerGroup}; returns whether it ran.
     * Call it inside the database transaction that holds the work's effect (e.g. a {@code @Transactional} listener).
     */
    public boolean runOnce(String consumerGroup, String messageKey, Runnable work) {
        return callOnce(consumerGroup, messageKey, () -> {
            work.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** As {@link #runOnce}, returning the work's result, or empty when the message was already handled. */
    public <T> Optional<T> callOnce(String consumerGroup, String messageKey, Supplier<T> work) {
        if (!markHandled(consumerGroup, messageKey)) {
            log.debug("{} already handled by {}: skipped", messageKey, consumerGroup);
            return Optional.empty();
        }
        return Optional.ofNullable(work.get());
    }

    /** As {@link #runOnce}, keyed by the message's {@link #keyOf key}. */
    public boolean runOnce(String consumerGroup, MessageView message, Runnable work) {
        return runOnce(consumerGroup, keyOf(message), work);
    }

    /**
     * Records {@code messageKey} as handled by {@code consumerGroup} in the caller's database transaction; false when
     * it already was (by a committed transaction). Throws {@link IllegalTransactionStateException} outside one.
     */
    public boolean markHandled(String consumerGroup, String messageKey) {
        var key = storedKey(messageKey);
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalTransactionStateException("deduplication needs a database transaction on its data "
                        + "source (e.g. a @Transactional listener): the mark and the effect must commit together");
            }
            try (var statement = connection.prepareStatement(dialect.insertUnlessPresent("INSERT INTO " + table
                    + " (consumer_group, message_key, created_at) VALUES (?, ?, ?)"))) {
                statement.setString(1, consumerGroup);
                statement.setString(2, key);
                statement.setLong(3, clock.millis());
                return statement.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            if (dialect.isDuplicateKey(e)) {
                return false;
            }
            throw new IllegalStateException("cannot record " + messageKey + " as handled: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * The key a message is deduplicated by: its first business key (KEYS) when it has one, else its unique id (which
     * redeliveries and retries keep).
     */
    public static String keyOf(MessageView message) {
        var keys = message.keys();
        return keys.isEmpty() ? message.msgId() : keys.get(0);
    }

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

    static String storedKey(String messageKey) {
        if (messageKey == null || messageKey.isEmpty()) {
            throw new IllegalArgumentException("a message key to deduplicate by is required");
        }
        if (messageKey.length() <= MAX_KEY_LENGTH) {
            return messageKey;
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(messageKey.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
