package io.mq.bench;

import io.mq.bench.cli.CommandLine;
import io.mq.bench.run.Mode;
import io.mq.bench.run.SendMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one load run does, parsed from the command line. See {@link #USAGE} for the meaning of each option.
 *
 * @param rate          messages per second over all producer threads; 0 = as fast as the client goes
 * @param messages      produce: stop after this many (0 = run for {@code duration}); consume: stop once this many
 *                      arrived (0 = until idle)
 * @param queues        create the topic with this many queues per broker first (0 = leave it to auto-creation)
 */
public record LoadOptions(
        Mode mode,
        String driver,
        String namesrv,
        String topic,
        String group,
        SendMode sendMode,
        int bodySize,
        int threads,
        int consumeThreads,
        double rate,
        Duration duration,
        Duration warmup,
        long messages,
        Duration idleTimeout,
        int maxInFlight,
        int queues,
        Duration timeout,
        Duration reportInterval) {

    public static final String USAGE = """
            java -jar mq-bench-load.jar --mode produce|consume|e2e [options]

              --driver NAME          client library: rocketmq4 (official 4.9.7) or mq (ours)      [rocketmq4]
              --namesrv HOST:PORT    name server(s), ';'-separated                               [127.0.0.1:9876]
              --topic NAME                                                                       [BenchTopic]
              --group NAME           consumer group (consume, e2e)                     [a fresh bench_<random>]
              --send-mode MODE       sync | async | oneway                                      [sync]
              --body-size SIZE       message body, e.g. 1024, 1k, 4k                           [1k]
              --threads N            producer threads                                           [16]
              --consume-threads N    consumer callback threads                                  [16]
              --rate N               target messages/s over all threads, 0 = unthrottled       [0]
              --duration D           measured time, e.g. 30s, 2m                                [30s]
              --warmup D             run before measuring, not counted                          [5s]
              --messages N           produce: send exactly N (then no warm-up/duration);
                                     consume: stop once N arrived (0 = until idle)              [0]
              --idle-timeout D       consume: stop after no message for this long              [5s]
              --max-in-flight N      async: unanswered sends allowed at once                    [1024]
              --queues N             create the topic with N queues first, 0 = don't            [8]
              --timeout D            hard bound on the whole run                                [10m]
              --report-interval D    progress line on stderr, 0 = none                          [5s]

            Prints a human summary and one machine-readable line: RESULT {json}.
            """;

    private static final Set<String> OPTIONS = Set.of("mode", "driver", "namesrv", "topic", "group", "send-mode",
            "body-size", "threads", "consume-threads", "rate", "duration", "warmup", "messages", "idle-timeout",
            "max-in-flight", "queues", "timeout", "report-interval");

    public LoadOptions {
        positive("threads", threads);
        positive("consume-threads", consumeThreads);
        positive("max-in-flight", maxInFlight);
        if (bodySize < 8) {
            throw new IllegalArgumentException("--body-size must be at least 8 bytes (the e2e timestamp), got " + bodySize);
        }
        if (rate < 0 || messages < 0 || queues < 0) {
            throw new IllegalArgumentException("--rate, --messages and --queues cannot be negative");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
    }

    /** Parses the command line; throws {@link IllegalArgumentException} with a message for the user. */
    public static LoadOptions parse(String... args) {
        var cli = CommandLine.parse(args, OPTIONS, Set.of());
        if (!cli.has("mode")) {
            throw new IllegalArgumentException("--mode is required (produce, consume or e2e)");
        }
        return new LoadOptions(
                Mode.valueOf(cli.choice("mode", "produce", names(Mode.values()))),
                cli.string("driver", "rocketmq4"),
                cli.string("namesrv", "127.0.0.1:9876"),
                cli.string("topic", "BenchTopic"),
                cli.string("group", "bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16)),
                SendMode.valueOf(cli.choice("send-mode", "sync", names(SendMode.values()))),
                cli.bytes("body-size", 1024),
                cli.integer("threads", 16),
                cli.integer("consume-threads", 16),
                cli.decimal("rate", 0),
                cli.duration("duration", Duration.ofSeconds(30)),
                cli.duration("warmup", Duration.ofSeconds(5)),
                cli.number("messages", 0),
                cli.duration("idle-timeout", Duration.ofSeconds(5)),
                cli.integer("max-in-flight", 1024),
                cli.integer("queues", 8),
                cli.duration("timeout", Duration.ofMinutes(10)),
                cli.duration("report-interval", Duration.ofSeconds(5)));
    }

    /** Produce a fixed count rather than for a time. */
    public boolean fixedCount() {
        return messages > 0;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, got " + value);
        }
    }
}
