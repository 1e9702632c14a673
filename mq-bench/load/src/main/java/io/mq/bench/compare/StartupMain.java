package io.mq.bench.compare;

import io.mq.bench.cli.CommandLine;
import io.mq.bench.driver.Drivers;
import io.mq.bench.driver.rocketmq4.OfficialClientDriver;
import io.mq.testkit.FlushDiskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Start-up of our broker app alone, exactly as {@link CompareMain} measures it (spawn of {@code java -jar} on a
 * fresh store to the first SEND_OK of an official-client producer on an auto-created topic), repeated on a fresh
 * store each time, with the median. Run by {@code mq-bench/startup.sh}.
 */
public final class StartupMain {

    static final String USAGE = """
            java -cp mq-bench-load.jar io.mq.bench.compare.StartupMain [options]   (or mq-bench/startup.sh)

              --runs N             measured runs, each on a fresh store                 [7]
              --warmup N           runs first, not counted (they warm the probe's JVM)   [1]
              --flush MODE         ASYNC_FLUSH or SYNC_FLUSH                             [ASYNC_FLUSH]
              --heap SIZE          -Xmx of the broker                                    [1g]
              --jvm-args "A B"     more JVM flags for the broker, after the standard ones (e.g. a CDS archive)
              --broker-jar PATH    [mq-broker-app/target/mq-broker-app-*.jar, found upwards]
              --baseline-jar PATH  another build of the app, run alternately with the first (before/after figures)
              --baseline-jvm-args "A B"   JVM flags of the baseline runs (--jvm-args is for the first jar only)
              --work-dir DIR       stores and broker logs                                [a new temp dir]
            """;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private StartupMain() {
    }

    public static void main(String[] args) throws IOException {
        CommandLine cli;
        try {
            cli = CommandLine.parse(args, Set.of("runs", "warmup", "flush", "heap", "jvm-args", "broker-jar",
                    "baseline-jar", "baseline-jvm-args", "work-dir"), Set.of());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        // The probe fails by design until the broker answers; the client would log every attempt.
        System.setProperty("bench.client.log.level", "OFF");
        int runs = cli.integer("runs", 7);
        int warmup = cli.integer("warmup", 1);
        var flush = FlushDiskType.valueOf(cli.string("flush", "ASYNC_FLUSH"));
        var heap = cli.string("heap", "1g");
        var jvmArgs = List.of(words(cli.string("jvm-args", "")), words(cli.string("baseline-jvm-args", "")));
        var jars = new ArrayList<Path>();
        jars.add(cli.has("broker-jar") ? Path.of(cli.string("broker-jar", "")) : BrokerJar.locate());
        if (cli.has("baseline-jar")) {
            jars.add(Path.of(cli.string("baseline-jar", "")));
        }
        var work = cli.has("work-dir") ? Path.of(cli.string("work-dir", "")) : Files.createTempDirectory("mq-startup-");
        var probe = new StartupProbe(Drivers.byName(OfficialClientDriver.NAME), TIMEOUT);

        say("start-up of " + jars + " " + jvmArgs + " (" + flush + "), " + warmup + " warm-up + "
                + runs + " runs each; load average " + CompareMain.loadAverage() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores; logs in " + work);
        var runsByJar = new ArrayList<List<Run>>();
        jars.forEach(j -> runsByJar.add(new ArrayList<>()));
        for (int i = 1 - warmup; i <= runs; i++) {
            for (int k = 0; k < jars.size(); k++) {
                // With a baseline, alternate who goes first so that drift on a shared machine favours neither.
                int which = Math.floorMod(i + k, jars.size());
                var dir = work.resolve((which == 0 ? "" : "baseline-") + (i <= 0 ? "warmup" + (1 - i) : "run" + i));
                var run = once(jars.get(which), jvmArgs.get(which), dir, flush, heap, probe);
                say(String.format(Locale.ROOT, "%s%s: %d ms to the first SEND_OK, broker CPU %.2f s (log %s)",
                        which == 0 ? "" : "baseline ", i <= 0 ? "warm-up" : "run " + i, run.millis(), run.cpuSeconds(),
                        dir.resolve("broker.out")));
                if (i > 0) {
                    runsByJar.get(which).add(run);
                }
            }
        }
        for (int k = 0; k < jars.size(); k++) {
            var measured = runsByJar.get(k);
            var millis = measured.stream().map(Run::millis).sorted().toList();
            var cpu = measured.stream().map(Run::cpuSeconds).sorted().toList();
            say(String.format(Locale.ROOT, "STARTUP%s median %d ms, min %d, max %d over %d runs %s; broker CPU median"
                            + " %.2f s; %s", k == 0 ? "" : " (baseline)", median(millis), millis.get(0),
                    millis.get(millis.size() - 1), millis.size(), measured.stream().map(Run::millis).toList(),
                    cpu.get(cpu.size() / 2), jars.get(k) + " " + String.join(" ", jvmArgs.get(k))));
        }
        say("load average now " + CompareMain.loadAverage());
        System.exit(0);
    }

    private static List<String> words(String line) {
        return Arrays.stream(line.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList();
    }

    /** One start on a fresh store; the store is deleted afterwards, the broker's log kept. */
    private static Run once(Path jar, List<String> jvmArgs, Path dir, FlushDiskType flush, String heap,
            StartupProbe probe) throws IOException {
        try (var broker = OurBrokerProcess.start(jar, jvmArgs, dir, flush, heap, probe)) {
            // CPU the broker spent to get there: less at the mercy of a busy machine than the wall clock.
            return new Run(broker.startup().toMillis(), broker.cpuSeconds());
        } finally {
            dropStore(dir.resolve("store"));
        }
    }

    private record Run(long millis, double cpuSeconds) {
    }

    private static long median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void dropStore(Path store) throws IOException {
        if (!Files.exists(store)) {
            return;
        }
        try (var paths = Files.walk(store)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
