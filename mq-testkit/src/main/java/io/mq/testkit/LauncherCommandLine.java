package io.mq.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Parses {@link ApacheRocketMq#main}'s arguments into {@link ApacheRocketMq.Options}. */
final class LauncherCommandLine {

    static final String USAGE = """
            usage: ApacheRocketMq [--dir DIR] [--heap 1g] [--sync-flush] [--tx-timeout MS] [--tx-check-interval MS]
                                  [--start-timeout SECONDS] [--conf key=value]...
              --dir                scratch dir for config, store and logs (default: a new temp dir)
              --heap               broker -Xmx (default 1g)
              --sync-flush         flushDiskType=SYNC_FLUSH (default ASYNC_FLUSH)
              --tx-timeout         transactionTimeOut in ms (default 6000)
              --tx-check-interval  transactionCheckInterval in ms (default 60000)
              --start-timeout      seconds to wait for the broker to register (default 60)
              --conf               extra broker.conf line, repeatable; overrides the defaults
            The classpath file comes from -Dapache.rocketmq.classpath=FILE or is searched upwards from the working dir.""";

    private LauncherCommandLine() {
    }

    static ApacheRocketMq.Options parse(String... args) {
        Path dir = null;
        var options = ApacheRocketMq.Options.in(Path.of("."));
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            switch (arg) {
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                case "--dir" -> dir = Path.of(value(args, ++i, arg));
                case "--heap" -> options = options.withHeap(value(args, ++i, arg));
                case "--sync-flush" -> options = options.withFlushDiskType(FlushDiskType.SYNC_FLUSH);
                case "--tx-timeout" -> options = options.withTransactionTimeoutMillis(number(args, ++i, arg));
                case "--tx-check-interval" -> options = options.withTransactionCheckIntervalMillis(number(args, ++i, arg));
                case "--start-timeout" -> options = options.withStartTimeout(Duration.ofSeconds(number(args, ++i, arg)));
                case "--conf" -> options = options.withBrokerConfig(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument " + arg + System.lineSeparator() + USAGE);
            }
        }
        return new ApacheRocketMq.Options(options.flushDiskType(), options.heap(), options.transactionTimeoutMillis(),
                options.transactionCheckIntervalMillis(), options.extraBrokerConfig(),
                dir != null ? dir : newTempDir(), options.startTimeout(), options.stopTimeout());
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value" + System.lineSeparator() + USAGE);
        }
        return args[index];
    }

    private static long number(String[] args, int index, String flag) {
        try {
            return Long.parseLong(value(args, index, flag));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number" + System.lineSeparator() + USAGE, e);
        }
    }

    private static Path newTempDir() {
        try {
            return Files.createTempDirectory("apache-rocketmq-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
