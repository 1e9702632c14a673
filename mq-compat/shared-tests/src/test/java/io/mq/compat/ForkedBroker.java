package io.mq.compat;

import io.mq.broker.testkit.ForkedBrokerMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link ForkedBrokerMain} in a child JVM on this test's class path: started, awaited until it serves, and killed
 * with SIGKILL. Its output is drained all along (a full pipe would stall it) and its tail kept for failure messages.
 */
final class ForkedBroker implements AutoCloseable {

    private static final int TAIL_LINES = 100;

    private final Process process;
    private final CompletableFuture<String[]> ready = new CompletableFuture<>();
    private final Deque<String> tail = new ArrayDeque<>();

    private ForkedBroker(Process process) {
        this.process = process;
        var drainer = new Thread(this::drain, "forked-broker-output");
        drainer.setDaemon(true);
        drainer.start();
    }

    /** Starts the child on {@code storeDir} and waits until it prints its ready line. */
    static ForkedBroker start(Path storeDir) {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            var process = new ProcessBuilder(java, "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"),
                    ForkedBrokerMain.class.getName(), storeDir.toString())
                    .redirectErrorStream(true)
                    .start();
            var forked = new ForkedBroker(process);
            forked.awaitReady();
            return forked;
        } catch (IOException e) {
            throw new UncheckedIOException("could not fork the broker", e);
        }
    }

    private void awaitReady() {
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("forked broker not ready; its output:\n" + output(), e);
        }
    }

    String nameServerAddress() {
        return ready.join()[1];
    }

    String brokerAddress() {
        return ready.join()[2];
    }

    /** SIGKILL on Linux: no shutdown hook, no flush; returns the exit code (137). */
    int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("forked broker survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    synchronized String output() {
        return String.join("\n", tail);
    }

    private void drain() {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(ForkedBrokerMain.READY + " ")) {
                    ready.complete(line.split(" "));
                }
                synchronized (this) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The child died; its exit is what the test looks at.
        }
        ready.completeExceptionally(new IllegalStateException("forked broker exited before it was ready"));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
