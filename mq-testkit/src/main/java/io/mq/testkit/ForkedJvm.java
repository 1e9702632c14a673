package io.mq.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One child JVM whose stdout and stderr go to a file; stopped politely, then forcibly after a bound. */
final class ForkedJvm {

    private static final Duration FORCED_STOP_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final Path output;

    private ForkedJvm(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    /** Forks {@code java <jvmOptions> -cp <classpath> <mainClass> <args>} in {@code workDir}, output to {@code <name>.out}. */
    static ForkedJvm start(String name, List<String> jvmOptions, String classpath, String mainClass, List<String> args,
                           Path workDir, Map<String, String> environment) {
        var command = new ArrayList<String>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        var output = workDir.resolve(name + ".out");
        var builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        try {
            return new ForkedJvm(name, builder.start(), output);
        } catch (IOException e) {
            throw new ApacheRocketMqException("Cannot fork the " + name + " JVM: " + command.get(0), e);
        }
    }

    /** The java launcher running this JVM, so the child gets the same JDK. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(command -> Path.of(command).getFileName().toString().startsWith("java"))
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path output() {
        return output;
    }

    /** True if the output so far contains {@code text}; for start-up diagnosis. */
    boolean printed(String text) {
        return readOutput().contains(text);
    }

    /** The last lines of the output, skipping logback's status chatter, for error messages. */
    String outputTail(int lines) {
        var kept = readOutput().lines().filter(line -> !line.contains("|-INFO in ") && !line.contains("|-WARN in ")).toList();
        return String.join(System.lineSeparator(), kept.subList(Math.max(0, kept.size() - lines), kept.size()));
    }

    /**
     * SIGTERM to all (RocketMQ's shutdown hooks run), then SIGKILL to those still alive after {@code grace}.
     * All at once, so stopping a pair costs one grace period, not two.
     */
    static void stopAll(List<ForkedJvm> jvms, Duration grace) {
        jvms.forEach(jvm -> jvm.process.destroy());
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (var jvm : jvms) {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!jvm.process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    jvm.process.destroyForcibly();
                }
            }
            for (var jvm : jvms) {
                jvm.process.waitFor(FORCED_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            jvms.forEach(jvm -> jvm.process.destroyForcibly());
            Thread.currentThread().interrupt();
        }
    }

    private String readOutput() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // Malformed or missing output only weakens a diagnostic; never hide the real failure behind it.
            return "";
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + process.pid() + ")";
    }
}
