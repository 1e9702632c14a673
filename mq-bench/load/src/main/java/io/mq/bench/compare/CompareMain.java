package io.mq.bench.compare;

import io.mq.bench.driver.Driver;
import io.mq.bench.driver.Drivers;
import io.mq.bench.driver.rocketmq4.OfficialClientDriver;
import io.mq.bench.report.RunResult;
import io.mq.testkit.FlushDiskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Runs the same loads against our broker and Apache RocketMQ 5.2.0, in alternating rounds within one session,
 * and prints each figure as a ratio ours/apache with its spread over rounds. Also records each broker process's
 * CPU seconds per 100k messages, its peak RSS and its start-up time to the first accepted send.
 */
public final class CompareMain {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LOAD_SLACK = Duration.ofSeconds(120);

    private final CompareOptions options;
    private final Driver driver = Drivers.byName(OfficialClientDriver.NAME);
    private final StartupProbe probe = new StartupProbe(driver, STARTUP_TIMEOUT);
    private final LoadProcess load;
    private final Results results = new Results();
    private double e2eRate;

    private CompareMain(CompareOptions options) {
        this.options = options;
        this.load = new LoadProcess(options.workDir().resolve("loads"));
        this.e2eRate = options.e2eRate();
    }

    public static void main(String[] args) {
        CompareOptions options;
        try {
            options = CompareOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(CompareOptions.USAGE);
            System.exit(2);
            return;
        }
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        // The start-up probe fails by design until the broker answers; the client would log every attempt.
        System.setProperty("bench.client.log.level", "OFF");
        try {
            if (options.workDir() == null) {
                options = options.withWorkDir(Files.createTempDirectory("mq-compare-"));
            }
            new CompareMain(options).run();
            System.exit(0);
        } catch (IOException | RuntimeException e) {
            System.err.println("comparison failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws IOException {
        long began = System.nanoTime();
        say("comparison started " + Instant.now() + ", load average " + loadAverage() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores; " + options);
        for (int round = 1; round <= options.rounds(); round++) {
            // Alternate who goes first so that drift on a shared machine does not favour one side.
            var order = round % 2 == 1 ? List.of(BrokerKind.OURS, BrokerKind.APACHE) : List.of(BrokerKind.APACHE, BrokerKind.OURS);
            if (e2eRate == 0 && order.get(0) != BrokerKind.OURS) {
                order = List.of(BrokerKind.OURS, BrokerKind.APACHE); // the e2e rate comes from our first send run
            }
            for (var kind : order) {
                asyncFlushSession(kind, round);
            }
            for (var kind : order) {
                syncFlushSession(kind, round);
            }
        }
        var table = results.table();
        var summary = String.format(Locale.ROOT, "%n%d round(s), %.0f s in all, load average at the end %s; e2e rate %.0f msg/s%n%n%s",
                options.rounds(), (System.nanoTime() - began) / 1e9, loadAverage(), e2eRate, table);
        say(summary);
        Files.writeString(options.workDir().resolve("results.tsv"), results.tsv());
        Files.writeString(options.workDir().resolve("results.md"), summary);
        say("raw figures: " + options.workDir().resolve("results.tsv") + "; load logs: " + options.workDir().resolve("loads"));
    }

    /** One broker in ASYNC_FLUSH: sync sends, then a backlog to drain, then e2e latency at a fixed rate. */
    private void asyncFlushSession(BrokerKind kind, int round) {
        var dir = sessionDir(kind, round, FlushDiskType.ASYNC_FLUSH);
        try (var broker = start(kind, dir, FlushDiskType.ASYNC_FLUSH)) {
            recordStartup(broker, round, FlushDiskType.ASYNC_FLUSH);
            var send = measure(broker, round, Scenario.SEND_ASYNC_FLUSH, timedSend(Scenario.SEND_ASYNC_FLUSH, "sync", 0));
            if (e2eRate == 0 && kind == BrokerKind.OURS) {
                e2eRate = Math.max(1, Math.floor(send.messagesPerSecond() / 2));
                say("e2e rate set to half our sync-send rate: " + (long) e2eRate + " msg/s");
            }
            long backlog = fillBacklog(broker, round);
            measure(broker, round, Scenario.CONSUME_BACKLOG, List.of("--mode", "consume",
                    "--topic", Scenario.CONSUME_BACKLOG.topic(), "--group", "bench_backlog_" + round,
                    "--messages", Long.toString(backlog), "--idle-timeout", "10s",
                    "--consume-threads", Integer.toString(options.threads())));
            measure(broker, round, Scenario.E2E_HALF_RATE, withAll(timedSend(Scenario.E2E_HALF_RATE, "sync", e2eRate),
                    "--mode", "e2e", "--group", "bench_e2e_" + round, "--idle-timeout", "10s"));
            recordRss(broker, round, FlushDiskType.ASYNC_FLUSH);
        } finally {
            dropStore(dir);
        }
    }

    /** One broker in SYNC_FLUSH: sync sends only (the flush mode changes nothing on the read side). */
    private void syncFlushSession(BrokerKind kind, int round) {
        var dir = sessionDir(kind, round, FlushDiskType.SYNC_FLUSH);
        try (var broker = start(kind, dir, FlushDiskType.SYNC_FLUSH)) {
            recordStartup(broker, round, FlushDiskType.SYNC_FLUSH);
            measure(broker, round, Scenario.SEND_SYNC_FLUSH, timedSend(Scenario.SEND_SYNC_FLUSH, "sync", 0));
            recordRss(broker, round, FlushDiskType.SYNC_FLUSH);
        } finally {
            dropStore(dir);
        }
    }

    private RunningBroker start(BrokerKind kind, Path dir, FlushDiskType flush) {
        say("starting " + kind.label() + " (" + flush + ") in " + dir);
        return switch (kind) {
            case OURS -> OurBrokerProcess.start(options.brokerJar(), dir, flush, options.heap(), probe);
            case APACHE -> ApacheBroker.start(dir, flush, options.heap(), probe);
        };
    }

    /** Runs one load against the broker and records its figures and the broker's CPU per 100k messages. */
    private RunResult measure(RunningBroker broker, int round, Scenario scenario, List<String> args) {
        var name = "r" + round + "-" + broker.kind().label() + "-" + scenario.name().toLowerCase(Locale.ROOT);
        double cpuBefore = broker.cpuSeconds();
        var result = load.run(name, withAll(args, "--namesrv", broker.namesrvAddress()), bound(args));
        double cpuPer100k = (broker.cpuSeconds() - cpuBefore) / Math.max(1, result.totalMessages()) * 100_000;
        var kind = broker.kind();
        var title = scenario.title();
        results.add(new Results.Row(title + ": msg/s", false), kind, round, result.messagesPerSecond());
        if (scenario != Scenario.E2E_HALF_RATE) {
            results.add(new Results.Row(title + ": MB/s", false), kind, round, result.megabytesPerSecond());
        }
        if (result.latency().count() > 0) {
            var what = scenario == Scenario.E2E_HALF_RATE ? "e2e latency" : "send latency";
            results.add(new Results.Row(title + ": " + what + " p50 ms", true), kind, round, result.latency().p50Us() / 1000.0);
            results.add(new Results.Row(title + ": " + what + " p99 ms", true), kind, round, result.latency().p99Us() / 1000.0);
            results.add(new Results.Row(title + ": " + what + " p99.9 ms", true), kind, round, result.latency().p999Us() / 1000.0);
            results.add(new Results.Row(title + ": " + what + " max ms", true), kind, round, result.latency().maxUs() / 1000.0);
        }
        results.add(new Results.Row(title + ": broker CPU s per 100k msgs", true), kind, round, cpuPer100k);
        say(String.format(Locale.ROOT, "[round %d] %-6s %-34s %8.0f msg/s, p99 %.2f ms, %d errors, CPU %.2f s/100k msgs",
                round, kind.label(), title, result.messagesPerSecond(), result.latency().p99Us() / 1000.0, result.errors(),
                cpuPer100k));
        return result;
    }

    /** Sends the backlog with async sends (as fast as the client allows; not a measured figure); returns how many were stored. */
    private long fillBacklog(RunningBroker broker, int round) {
        var args = List.of("--mode", "produce", "--send-mode", "async", "--topic", Scenario.CONSUME_BACKLOG.topic(),
                "--messages", Long.toString(options.backlog()), "--threads", Integer.toString(options.threads()),
                "--body-size", Integer.toString(options.bodySize()), "--max-in-flight", "256",
                "--namesrv", broker.namesrvAddress());
        var result = load.run("r" + round + "-" + broker.kind().label() + "-backlog-fill", args, bound(args));
        if (result.errors() > 0) {
            say("backlog fill had " + result.errors() + " failed sends; the drain waits for the " + result.messages()
                    + " stored");
        }
        return result.messages();
    }

    private List<String> timedSend(Scenario scenario, String sendMode, double rate) {
        return List.of("--mode", "produce", "--send-mode", sendMode, "--topic", scenario.topic(),
                "--threads", Integer.toString(options.threads()), "--body-size", Integer.toString(options.bodySize()),
                "--warmup", options.warmup().toMillis() + "ms", "--duration", options.duration().toMillis() + "ms",
                "--rate", Long.toString((long) rate));
    }

    /** Warm-up plus duration for timed runs; a backlog is given a floor of 1000 msg/s. */
    private Duration bound(List<String> args) {
        boolean counted = args.contains("--messages");
        var base = counted ? Duration.ofSeconds(options.backlog() / 1000) : options.warmup().plus(options.duration());
        return base.plus(LOAD_SLACK);
    }

    private void recordStartup(RunningBroker broker, int round, FlushDiskType flush) {
        results.add(new Results.Row("start-up to first SEND_OK ms [" + flush + "]", true), broker.kind(), round,
                broker.startup().toMillis());
        say(broker.kind().label() + " accepted its first send " + broker.startup().toMillis() + " ms after spawn");
    }

    private void recordRss(RunningBroker broker, int round, FlushDiskType flush) {
        results.add(new Results.Row("broker peak RSS MB [" + flush + " session]", true), broker.kind(), round,
                broker.peakRssKb() / 1024.0);
    }

    private Path sessionDir(BrokerKind kind, int round, FlushDiskType flush) {
        return options.workDir().resolve("r" + round + "-" + kind.label() + "-" + flush.name().toLowerCase(Locale.ROOT));
    }

    /** Stores of a 1M backlog are a gigabyte each; logs stay. */
    private void dropStore(Path dir) {
        if (options.keepStores()) {
            return;
        }
        var store = dir.resolve("store");
        if (!Files.exists(store)) {
            return;
        }
        try (var paths = Files.walk(store)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            say("could not delete " + store + ": " + e.getMessage());
        }
    }

    private static List<String> withAll(List<String> args, String... more) {
        var all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    static String loadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
