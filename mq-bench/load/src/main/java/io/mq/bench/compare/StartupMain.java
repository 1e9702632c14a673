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
              --work-dir DIR       stores and broker logs                                [a new temp dir]
            """;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private StartupMain() {
    }

    public static void main(String[] args) throws IOException {
        CommandLine cli;
        try {
            cli = CommandLine.parse(args, Set.of("runs", "warmup", "flush", "heap", "jvm-args", "broker-jar", "work-dir"),
                    Set.of());
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
        var jvmArgs = Arrays.stream(cli.string("jvm-args", "").trim().split("\\s+")).filter(a -> !a.isEmpty()).toList();
        var jar = cli.has("broker-jar") ? Path.of(cli.string("broker-jar", "")) : BrokerJar.locate();
        var work = cli.has("work-dir") ? Path.of(cli.string("work-dir", "")) : Files.createTempDirectory("mq-startup-");
        var probe = new StartupProbe(Drivers.byName(OfficialClientDriver.NAME), TIMEOUT);

        say("start-up of " + jar + " " + String.join(" ", jvmArgs) + " (" + flush + "), " + warmup + " warm-up + "
                + runs + " runs; load average " + CompareMain.loadAverage() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores; logs in " + work);
        var measured = new ArrayList<Long>();
        for (int i = 1 - warmup; i <= runs; i++) {
            var dir = work.resolve(i <= 0 ? "warmup" + (1 - i) : "run" + i);
            long millis;
            try (var broker = OurBrokerProcess.start(jar, jvmArgs, dir, flush, heap, probe)) {
                millis = broker.startup().toMillis();
            } finally {
                dropStore(dir.resolve("store"));
            }
            say((i <= 0 ? "warm-up" : "run " + i) + ": " + millis + " ms to the first SEND_OK (log " + dir.resolve("broker.out") + ")");
            if (i > 0) {
                measured.add(millis);
            }
        }
        var sorted = measured.stream().sorted().toList();
        say(String.format(Locale.ROOT, "STARTUP median %d ms, min %d, max %d over %d runs %s; load average now %s",
                median(sorted), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size(), measured,
                CompareMain.loadAverage()));
        System.exit(0);
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
