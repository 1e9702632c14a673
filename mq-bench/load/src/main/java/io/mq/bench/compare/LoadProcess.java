package io.mq.bench.compare;

import io.mq.bench.LoadMain;
import io.mq.bench.report.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LoadMain} in its own JVM (fresh JIT and client state for every run, the same for both brokers) and
 * reads its {@code RESULT} line. The child's whole output is kept in a log file next to the results.
 */
final class LoadProcess {

    private static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseG1GC");

    private final Path logDir;

    LoadProcess(Path logDir) {
        this.logDir = logDir;
    }

    /** Runs one load with {@code args}, bounded by {@code bound}; throws with the log's path when it fails. */
    RunResult run(String name, List<String> args, Duration bound) {
        var command = new ArrayList<String>();
        command.add(OurBrokerProcess.javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoadMain.class.getName());
        command.addAll(args);
        command.add("--timeout");
        command.add(bound.toSeconds() + "s");
        command.add("--report-interval");
        command.add("0");
        var log = logDir.resolve(name + ".log");
        try {
            Files.createDirectories(logDir);
            Files.writeString(log, String.join(" ", command) + System.lineSeparator());
            var process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            // The child bounds itself with --timeout; this is the backstop if its JVM hangs on exit.
            if (!process.waitFor(bound.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("load run " + name + " did not end; see " + log);
            }
            var result = Files.readAllLines(log).stream().filter(line -> line.startsWith(RunResult.PREFIX))
                    .reduce((first, second) -> second);
            if (process.exitValue() != 0 || result.isEmpty()) {
                throw new IllegalStateException("load run " + name + " failed (exit " + process.exitValue() + "); see " + log);
            }
            return RunResult.fromJson(result.get().substring(RunResult.PREFIX.length()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run load " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running load " + name, e);
        }
    }
}
