package io.mq.bench.compare;

import io.mq.bench.cli.CommandLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * How the side-by-side comparison runs. {@code --quick} is a smoke profile (about 5 minutes on 2 cores); the
 * defaults are the full figures.
 *
 * @param backlog  messages in the consume-a-backlog scenario
 * @param e2eRate  messages/s of the e2e scenario; 0 = half of what our broker reached in the first send scenario
 */
public record CompareOptions(
        int rounds,
        Duration warmup,
        Duration duration,
        long backlog,
        int threads,
        int bodySize,
        String heap,
        double e2eRate,
        Path brokerJar,
        Path workDir,
        boolean keepStores) {

    public static final String USAGE = """
            java -cp mq-bench-load.jar io.mq.bench.compare.CompareMain [options]   (or mq-bench/compare.sh)

              --quick              smoke profile: 2 rounds, 2 s warm-up, 4 s runs, 20k backlog
              --rounds N           alternating rounds per broker                       [3]
              --warmup D           per load run                                        [10s]
              --duration D         measured part of each load run                      [30s]
              --backlog N          messages in the consume scenario                    [1000000]
              --threads N          producer threads                                    [16]
              --body-size SIZE     message body                                        [1k]
              --heap SIZE          -Xmx of each broker (ours and Apache's)             [1g]
              --e2e-rate N         e2e target msg/s, 0 = half our first sync-send rate  [0]
              --broker-jar PATH    our broker app     [mq-broker-app/target/mq-broker-app-*.jar, found upwards]
              --work-dir DIR       stores, logs, results                               [a new temp dir]
              --keep-stores        keep each broker's store after its session (they are large)
            """;

    private static final Set<String> OPTIONS = Set.of("rounds", "warmup", "duration", "backlog", "threads", "body-size",
            "heap", "e2e-rate", "broker-jar", "work-dir");
    private static final Set<String> FLAGS = Set.of("quick", "keep-stores");

    public static CompareOptions parse(String... args) {
        var cli = CommandLine.parse(args, OPTIONS, FLAGS);
        boolean quick = cli.flag("quick");
        var jar = cli.has("broker-jar") ? Path.of(cli.string("broker-jar", "")) : BrokerJar.locate();
        var work = cli.has("work-dir") ? Path.of(cli.string("work-dir", "")) : null;
        var options = new CompareOptions(
                cli.integer("rounds", quick ? 2 : 3),
                cli.duration("warmup", quick ? Duration.ofSeconds(2) : Duration.ofSeconds(10)),
                cli.duration("duration", quick ? Duration.ofSeconds(4) : Duration.ofSeconds(30)),
                cli.number("backlog", quick ? 20_000 : 1_000_000),
                cli.integer("threads", 16),
                cli.bytes("body-size", 1024),
                cli.string("heap", "1g"),
                cli.decimal("e2e-rate", 0),
                jar,
                work,
                cli.flag("keep-stores"));
        if (options.rounds() < 1 || options.backlog() < 1) {
            throw new IllegalArgumentException("--rounds and --backlog must be positive");
        }
        return options;
    }

    public CompareOptions withWorkDir(Path dir) {
        return new CompareOptions(rounds, warmup, duration, backlog, threads, bodySize, heap, e2eRate, brokerJar, dir,
                keepStores);
    }
}
