package io.mq.spring.transaction;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The databases the transactional tests run against: H2 always; PostgreSQL and MariaDB on 127.0.0.1 when they answer.
 * An unreachable database skips the test with the reason, except on CI ({@code CI=true}) where it fails it.
 */
public enum TestDatabase {
    H2("jdbc:h2:mem:%s;DB_CLOSE_DELAY=-1", "sa", ""),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=2", "postgres", ""),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=2000", "root", "");

    private final String url;
    private final String user;
    private final String password;

    TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** A pooled data source on this database (a fresh in-memory database for H2); skips when it is unreachable. */
    public HikariDataSource open() {
        return open(UUID.randomUUID().toString());
    }

    /** As {@link #open()}, with the H2 database named {@code h2Name} (ignored for the others). */
    public HikariDataSource open(String h2Name) {
        var jdbcUrl = this == H2 ? url.formatted(h2Name) : url;
        assumeReachable(jdbcUrl);
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("test-" + name().toLowerCase());
        return new HikariDataSource(config);
    }

    /** The JDBC URL another JVM opens (H2 is only shareable in server mode, so not here). */
    public String jdbcUrl() {
        return url;
    }

    public String user() {
        return user;
    }

    private void assumeReachable(String jdbcUrl) {
        try (var ignored = DriverManager.getConnection(jdbcUrl, user, password)) {
            return;
        } catch (SQLException e) {
            var reason = name() + " is not reachable at " + jdbcUrl + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; on CI every database must be up", e);
            }
            assumeTrue(false, reason + "; test skipped");
        }
    }

    /** A table name no other test run uses. */
    public static String uniqueTable(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
