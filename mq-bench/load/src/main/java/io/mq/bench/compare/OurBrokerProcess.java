package io.mq.bench.compare;

import io.mq.testkit.FlushDiskType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Our broker app ({@code java -jar mq-broker-app-*.jar}: name server and broker in one process) in a child JVM,
 * with the same heap ceiling, collector and direct-memory limit as the testkit gives Apache's broker.
 */
final class OurBrokerProcess implements RunningBroker {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** The quick start's {@code -Xms} (see mq-broker-app/README.md, Memory). */
    static final String README_INITIAL_HEAP = "-Xms32m";

    private final Process process;
    private final String namesrvAddress;
    private final Path output;
    private Duration startup = Duration.ZERO;

    private OurBrokerProcess(Process process, String namesrvAddress, Path output) {
        this.process = process;
        this.namesrvAddress = namesrvAddress;
        this.output = output;
    }

    /**
     * The README's launch: a 32 MB initial heap (the ceiling is {@code heap}, as Apache's) and the class archive the
     * build leaves next to the jar ({@code mq-broker-app.jsa}) when there is one, as a user starts it.
     */
    static OurBrokerProcess start(Path jar, Path dir, FlushDiskType flush, String heap, StartupProbe probe) {
        var archive = jar.toAbsolutePath().resolveSibling("mq-broker-app.jsa");
        var launch = new ArrayList<>(List.of(README_INITIAL_HEAP));
        if (Files.isRegularFile(archive)) {
            launch.add("-XX:SharedArchiveFile=" + archive);
        }
        return start(jar, launch, dir, flush, heap, probe);
    }

    /** As above, with {@code jvmArgs} after the standard flags (StartupMain tries launch recipes with them). */
    static OurBrokerProcess start(Path jar, List<String> jvmArgs, Path dir, FlushDiskType flush, String heap,
            StartupProbe probe) {
        createDirectories(dir);
        int namesrvPort = freePort();
        int brokerPort = freePort();
        var command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap, "-XX:+UseG1GC",
                "-XX:MaxDirectMemorySize=2g"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--mq.namesrv.port=" + namesrvPort,
                "--mq.broker.port=" + brokerPort,
                "--mq.broker.ip=127.0.0.1",
                "--mq.store.dir=" + dir.resolve("store"),
                "--mq.broker.flush-disk-type=" + flush.name(),
                // The app has no non-daemon thread of its own yet: without this it exits right after start-up.
                "--spring.main.keep-alive=true"));
        var output = dir.resolve("broker.out");
        long spawn = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
        var broker = new OurBrokerProcess(process, "127.0.0.1:" + namesrvPort, output);
        try {
            broker.startup = probe.awaitFirstSend(broker.namesrvAddress, spawn, process::isAlive);
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw new IllegalStateException(e.getMessage() + "; broker output in " + output, e);
        }
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.OURS;
    }

    @Override
    public String namesrvAddress() {
        return namesrvAddress;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Duration startup() {
        return startup;
    }

    /** SIGTERM (the app stops cleanly), SIGKILL if it is still there after the grace period. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "our broker (pid " + process.pid() + ", output " + output + ")";
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
    }
}
