package io.mq.spring.transaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the starter's tables on demand from a schema script per database ({@code CREATE TABLE IF NOT EXISTS}), and
 * checks the configured table names (they go into SQL text, so only plain identifiers are taken).
 */
public final class SqlTables {

    private static final Logger log = LoggerFactory.getLogger(SqlTables.class);
    private static final Pattern TABLE_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");

    private SqlTables() {
    }

    /** {@code name} if it is a plain table name, optionally schema-qualified; throws otherwise. */
    public static String checkName(String name) {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + name);
        }
        return name;
    }

    /**
     * Runs the script {@code dialect.schemaScript(base)} with {@code ${table}} and {@code ${index}} (the table's
     * name without schema, as index names are) replaced. Statements end with ";". Several instances starting at once
     * may race on the same CREATE: a failure is ignored when the table is there afterwards.
     */
    public static void create(DataSource dataSource, SqlDialect dialect, String base, String table) {
        checkName(table);
        var script = load(dialect.schemaScript(base))
                .replace("${table}", table)
                .replace("${index}", table.substring(table.indexOf('.') + 1));
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (var sql : script.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql.strip());
                }
            }
        } catch (SQLException e) {
            if (!exists(dataSource, table)) {
                throw new IllegalStateException("cannot create table " + table + ": " + e.getMessage(), e);
            }
            log.debug("creating {} failed but it exists (created by another instance): {}", table, e.getMessage());
        }
    }

    static boolean exists(DataSource dataSource, String table) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String load(String resource) {
        try (var in = SqlTables.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema script missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
