package io.mq.spring.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.spring.transaction.TxBroker.Inbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application is killed (SIGKILL, a JVM of its own) in the middle of a transactional send; another instance of
 * the same producer group, in this JVM, answers the broker's check-back from the shared database: committed in the
 * database -> delivered once; not committed -> rolled back, never delivered.
 */
class ProcessKilledTest {

    /** A database both JVMs reach: H2 as a TCP server in this JVM, or the real servers. */
    enum Shared { H2_SERVER, POSTGRESQL, MARIADB }

    @TempDir
    static Path dir;
    static TxBroker broker;
    static Server h2;

    String fenceTable;
    String ordersTable;
    String topic;
    Inbox inbox;
    ConfigurableApplicationContext app;
    Process child;

    @BeforeAll
    static void start() throws Exception {
        broker = TxBroker.start(dir);
        h2 = Server.createTcpServer("-tcpPort", String.valueOf(freePort()), "-ifNotExists").start();
    }

    @AfterAll
    static void stop() {
        if (h2 != null) {
            h2.stop();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        if (inbox != null) {
            inbox.close();
        }
        if (app != null) {
            var jdbc = app.getBean(JdbcTemplate.class);
            jdbc.execute("DROP TABLE IF EXISTS " + fenceTable);
            jdbc.execute("DROP TABLE IF EXISTS " + ordersTable);
            app.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Shared.class)
    void killedAfterTheDatabaseCommitTheCheckCommitsTheMessage(Shared database) throws Exception {
        var properties = startOtherInstance(database);
        var msgId = runChildUntilReady("after-commit", "o-after", properties);

        long killed = kill();

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.count(msgId) == 1);
        long deliveredMillis = (System.nanoTime() - killed) / 1_000_000;
        await().during(TxBroker.CHECK_INTERVAL.multipliedBy(2)).atMost(Duration.ofSeconds(10))
                .until(() -> inbox.count(msgId) == 1);
        assertThat(fenceState(msgId)).isEqualTo("COMMITTED");
        assertThat(orderExists("o-after")).isTrue();
        System.out.printf("[figures] %s: killed after the database commit, delivered by the check-back %d ms after "
                + "SIGKILL%n", database, deliveredMillis);
    }

    @ParameterizedTest
    @EnumSource(Shared.class)
    void killedBeforeTheDatabaseCommitTheCheckRollsTheMessageBack(Shared database) throws Exception {
        var properties = startOtherInstance(database);
        var msgId = runChildUntilReady("before-commit", "o-before", properties);

        long killed = kill();

        await().atMost(Duration.ofSeconds(30)).until(() -> "ROLLED_BACK".equals(fenceState(msgId)));
        long fencedMillis = (System.nanoTime() - killed) / 1_000_000;
        await().during(TxBroker.CHECK_INTERVAL.multipliedBy(2)).atMost(Duration.ofSeconds(10))
                .until(() -> inbox.count(msgId) == 0);
        assertThat(orderExists("o-before")).isFalse();
        System.out.printf("[figures] %s: killed inside the database transaction, fenced ROLLED_BACK by the "
                + "check-back %d ms after SIGKILL%n", database, fencedMillis);
    }

    /** Starts this JVM's instance of the application; returns the properties the child runs with. */
    private List<String> startOtherInstance(Shared database) {
        fenceTable = TestDatabase.uniqueTable("fence");
        ordersTable = TestDatabase.uniqueTable("orders");
        topic = broker.topic("killed");
        var properties = new ArrayList<>(List.of("mq.name-server=" + broker.nameServer(),
                "mq.transaction.producer-group=killed-tx", "mq.transaction.check-lock-timeout=200ms",
                "mq.transaction.table-name=" + fenceTable, "test.orders-table=" + ordersTable,
                "spring.main.register-shutdown-hook=false"));
        properties.addAll(dataSource(database));
        var mine = new ArrayList<>(properties);
        mine.add("mq.instance-name=survivor");
        app = TxTestApp.run(mine.toArray(String[]::new));
        inbox = broker.inbox(topic);
        properties.add("mq.instance-name=doomed");
        return properties;
    }

    private List<String> dataSource(Shared database) {
        var h2Url = "jdbc:h2:tcp://localhost:" + h2.getPort() + "/mem:killed-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1";
        var test = switch (database) {
            case H2_SERVER -> null;
            case POSTGRESQL -> TestDatabase.POSTGRESQL;
            case MARIADB -> TestDatabase.MARIADB;
        };
        if (test != null) {
            test.open().close(); // skips (or fails on CI) when the database is not reachable
            return List.of("spring.datasource.url=" + test.jdbcUrl(), "spring.datasource.username=" + test.user(),
                    "spring.datasource.password=");
        }
        return List.of("spring.datasource.url=" + h2Url, "spring.datasource.username=sa",
                "spring.datasource.password=");
    }

    /** Starts the child and reads its output until it says READY; returns the message id it sent. */
    private String runChildUntilReady(String mode, String orderId, List<String> properties) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TxChildMain.class.getName(), mode, topic, orderId));
        command.addAll(properties);
        child = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        var ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                var seen = new StringBuilder();
                while ((line = output.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        return line.substring("READY ".length()).strip();
                    }
                    seen.append(line).append('\n');
                }
                throw new IllegalStateException("child ended without READY:\n" + seen);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return ready.get(60, TimeUnit.SECONDS);
    }

    private long kill() throws InterruptedException {
        long at = System.nanoTime();
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return at;
    }

    private String fenceState(String msgId) {
        var states = app.getBean(JdbcTemplate.class).queryForList("SELECT state FROM " + fenceTable
                + " WHERE transaction_id = ?", String.class, msgId);
        return states.isEmpty() ? null : states.get(0);
    }

    private boolean orderExists(String orderId) {
        return app.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM " + ordersTable
                + " WHERE id = ?", Integer.class, orderId) > 0;
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
