package io.mq.bench;

import io.mq.bench.driver.Drivers;
import io.mq.bench.driver.ProducerSettings;
import io.mq.bench.report.RunResult;
import io.mq.bench.run.ConsumeRun;
import io.mq.bench.run.E2eRun;
import io.mq.bench.run.Mode;
import io.mq.bench.run.ProduceRun;
import java.time.Duration;

/**
 * The load generator: {@code produce}, {@code consume} or {@code e2e} against any broker a name server knows,
 * through a {@link io.mq.bench.driver.Driver}. Prints a summary and one {@code RESULT {json}} line; exits 0 when
 * the run completed (failed sends are counted, not fatal), 1 when it could not run, 2 on bad options.
 */
public final class LoadMain {

    private LoadMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(LoadOptions.USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        // The 4.9.7 client logs to ~/logs/rocketmqlogs unless told to use slf4j (logback, WARN, on stderr).
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        startWatchdog(options.timeout());
        try {
            var result = run(options);
            System.out.println(result.summary());
            System.out.println(result.resultLine());
            System.out.flush();
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println("load run failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static RunResult run(LoadOptions options) {
        var driver = Drivers.byName(options.driver());
        if (options.queues() > 0 && options.mode() != Mode.CONSUME) {
            driver.createTopic(options.namesrv(), options.topic(), options.queues(), Duration.ofSeconds(60));
        }
        if (options.mode() == Mode.CONSUME) {
            return new ConsumeRun(options, driver).run();
        }
        try (var producer = driver.producer(new ProducerSettings(options.namesrv(), "bench_producer",
                "bench-produce-" + System.nanoTime()))) {
            return options.mode() == Mode.E2E
                    ? new E2eRun(options, driver, producer).run()
                    : new ProduceRun(options, producer, false).run();
        }
    }

    /** A run must end: past the bound the JVM exits with status 3, whatever the client threads are doing. */
    private static void startWatchdog(Duration timeout) {
        var watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis()); // a hard bound, not a wait for a result
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("load run exceeded --timeout " + timeout + "; exiting");
            Runtime.getRuntime().halt(3);
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
