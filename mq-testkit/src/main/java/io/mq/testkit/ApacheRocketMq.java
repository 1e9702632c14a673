package io.mq.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache RocketMQ 5.2.0 name server and broker, each in its own forked JVM on the classpath
 * that {@code mq-compat/apache-rocketmq-runtime} resolved, so their Netty 4.1, fastjson and RocksDB
 * never meet ours. For interop tests of our client and for side-by-side benchmarks.
 *
 * <pre>{@code
 * try (var rocketMq = ApacheRocketMq.start(ApacheRocketMq.Options.in(tempDir))) {
 *     producer.setNamesrvAddr(rocketMq.namesrvAddress());
 * }
 * }</pre>
 */
public final class ApacheRocketMq implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApacheRocketMq.class);

    static final String NAMESRV_MAIN = "org.apache.rocketmq.namesrv.NamesrvStartup";
    static final String BROKER_MAIN = "org.apache.rocketmq.broker.BrokerStartup";
    private static final String NAMESRV_HEAP = "256m";
    private static final int START_ATTEMPTS = 3;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int TAIL_LINES = 30;

    /** Instances not yet closed; a shutdown hook stops them so a crashed test run leaves no broker behind. */
    private static final Set<ApacheRocketMq> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ApacheRocketMq::close), "apache-rocketmq-stopper"));
    }

    /**
     * How to start the pair. Use {@link #in(Path)} for the defaults and the {@code with*} methods to change them.
     *
     * @param flushDiskType                   the broker's durability setting
     * @param heap                            the broker's {@code -Xmx}, e.g. {@code "1g"}
     * @param transactionTimeoutMillis        {@code transactionTimeOut}: age of a half message before it is checked
     * @param transactionCheckIntervalMillis  {@code transactionCheckInterval}: how often the broker checks
     * @param extraBrokerConfig               {@code key=value} lines appended to {@code broker.conf} (they override)
     * @param scratchDir                      config, store, logs and process output; kept after {@link #close()}
     * @param startTimeout                    bound on the whole start-up, name server and broker
     * @param stopTimeout                     bound on a polite stop (SIGTERM) before the processes are killed; the
     *                                        5.2.0 broker needs about 16 s to exit cleanly, which only matters to
     *                                        restart on the same store without recovery, so the default is short
     */
    public record Options(FlushDiskType flushDiskType, String heap, long transactionTimeoutMillis,
                          long transactionCheckIntervalMillis, List<String> extraBrokerConfig, Path scratchDir,
                          Duration startTimeout, Duration stopTimeout) {

        private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");

        public Options {
            Objects.requireNonNull(flushDiskType, "flushDiskType");
            Objects.requireNonNull(scratchDir, "scratchDir");
            Objects.requireNonNull(startTimeout, "startTimeout");
            Objects.requireNonNull(stopTimeout, "stopTimeout");
            if (heap == null || !HEAP.matcher(heap).matches()) {
                throw new IllegalArgumentException("heap must look like 512m or 1g, got " + heap);
            }
            if (transactionTimeoutMillis <= 0 || transactionCheckIntervalMillis <= 0) {
                throw new IllegalArgumentException("transaction timeout and check interval must be positive");
            }
            for (var line : extraBrokerConfig) {
                if (!line.contains("=")) {
                    throw new IllegalArgumentException("broker.conf line must be key=value, got " + line);
                }
            }
            extraBrokerConfig = List.copyOf(extraBrokerConfig);
            scratchDir = scratchDir.toAbsolutePath();
        }

        /** ASYNC_FLUSH, 1g heap, Apache's transaction defaults (6 s timeout, 60 s check interval), 60 s to start, 3 s to stop. */
        public static Options in(Path scratchDir) {
            return new Options(FlushDiskType.ASYNC_FLUSH, "1g", 6_000, 60_000, List.of(), scratchDir,
                    Duration.ofSeconds(60), Duration.ofSeconds(3));
        }

        public Options withFlushDiskType(FlushDiskType value) {
            return new Options(value, heap, transactionTimeoutMillis, transactionCheckIntervalMillis, extraBrokerConfig,
                    scratchDir, startTimeout, stopTimeout);
        }

        public Options withHeap(String value) {
            return new Options(flushDiskType, value, transactionTimeoutMillis, transactionCheckIntervalMillis,
                    extraBrokerConfig, scratchDir, startTimeout, stopTimeout);
        }

        public Options withTransactionTimeoutMillis(long value) {
            return new Options(flushDiskType, heap, value, transactionCheckIntervalMillis, extraBrokerConfig,
                    scratchDir, startTimeout, stopTimeout);
        }

        public Options withTransactionCheckIntervalMillis(long value) {
            return new Options(flushDiskType, heap, transactionTimeoutMillis, value, extraBrokerConfig,
                    scratchDir, startTimeout, stopTimeout);
        }

        /** Adds {@code key=value} lines to broker.conf, after the defaults, so they win. */
        public Options withBrokerConfig(String... lines) {
            var all = new ArrayList<>(extraBrokerConfig);
            all.addAll(List.of(lines));
            return new Options(flushDiskType, heap, transactionTimeoutMillis, transactionCheckIntervalMillis, all,
                    scratchDir, startTimeout, stopTimeout);
        }

        public Options withStartTimeout(Duration value) {
            return new Options(flushDiskType, heap, transactionTimeoutMillis, transactionCheckIntervalMillis,
                    extraBrokerConfig, scratchDir, value, stopTimeout);
        }

        public Options withStopTimeout(Duration value) {
            return new Options(flushDiskType, heap, transactionTimeoutMillis, transactionCheckIntervalMillis,
                    extraBrokerConfig, scratchDir, startTimeout, value);
        }
    }

    private final Options options;
    private final Ports ports;
    private final ForkedJvm namesrv;
    private final ForkedJvm broker;
    private final Duration startupDuration;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApacheRocketMq(Options options, Ports ports, ForkedJvm namesrv, ForkedJvm broker, Duration startupDuration) {
        this.options = options;
        this.ports = ports;
        this.namesrv = namesrv;
        this.broker = broker;
        this.startupDuration = startupDuration;
    }

    /**
     * Starts the name server, waits until it answers, starts the broker and returns once the name
     * server lists the broker (so clients can route to it). Retries with fresh ports if another
     * process took one in the meantime.
     *
     * @throws ApacheRocketMqException if the runtime classpath is missing or start-up fails; the message
     *                                 carries the tail of the processes' output, the full logs stay in the scratch dir
     */
    public static ApacheRocketMq start(Options options) {
        var classpath = RuntimeClasspath.read(RuntimeClasspath.locate());
        createDirectories(options.scratchDir());
        for (int attempt = 1; ; attempt++) {
            var ports = FreePorts.allocate();
            try {
                var started = startOnce(options, classpath, ports);
                RUNNING.add(started);
                log.info("Apache RocketMQ up in {} ms: namesrv {}, broker {} (pid {}), dir {}",
                        started.startupDuration.toMillis(), started.namesrvAddress(), started.brokerAddress(),
                        started.brokerPid(), options.scratchDir());
                return started;
            } catch (PortClash clash) {
                if (attempt == START_ATTEMPTS) {
                    throw new ApacheRocketMqException(clash.getMessage());
                }
                log.warn("Port clash starting Apache RocketMQ on {}, retrying with other ports", ports);
            }
        }
    }

    private static ApacheRocketMq startOnce(Options options, String classpath, Ports ports) {
        var dir = options.scratchDir();
        var namesrvConf = RocketMqConfigFiles.writeNamesrv(dir, ports);
        var brokerConf = RocketMqConfigFiles.writeBroker(dir, ports, options);
        long startNanos = System.nanoTime();
        long deadline = startNanos + options.startTimeout().toNanos();
        var environment = Map.of("ROCKETMQ_HOME", dir.toString());

        var namesrv = ForkedJvm.start("namesrv", namesrvJvmOptions(dir), classpath, NAMESRV_MAIN,
                List.of("-c", namesrvConf.toString()), dir, environment);
        ForkedJvm broker = null;
        try {
            // The broker registers once when its boot ends, then only every 10-30 s: forking both at once
            // loses that race under load and costs 10 s, so the broker starts once the name server answers.
            awaitUntil("the name server on port " + ports.namesrvPort(), deadline, List.of(namesrv),
                    () -> NameServerProbe.clusterInfo(RocketMqConfigFiles.HOST, ports.namesrvPort(), PROBE_TIMEOUT).isPresent());
            broker = ForkedJvm.start("broker", jvmOptions(options.heap(), dir), classpath, BROKER_MAIN,
                    List.of("-c", brokerConf.toString()), dir, environment);
            var brokerAddress = RocketMqConfigFiles.HOST + ":" + ports.brokerPort();
            awaitUntil("the broker " + brokerAddress + " to register", deadline, List.of(namesrv, broker),
                    () -> NameServerProbe.lists(RocketMqConfigFiles.HOST, ports.namesrvPort(), brokerAddress, PROBE_TIMEOUT));
            return new ApacheRocketMq(options, ports, namesrv, broker, Duration.ofNanos(System.nanoTime() - startNanos));
        } catch (RuntimeException e) {
            var jvms = broker == null ? List.of(namesrv) : List.of(namesrv, broker);
            ForkedJvm.stopAll(jvms, options.stopTimeout());
            if (!(e instanceof StartFailure failure)) {
                throw e; // the broker could not even be forked; the name server is stopped, nothing to diagnose
            }
            var report = new StringBuilder("Apache RocketMQ did not start: ").append(failure.getMessage())
                    .append(" (ports ").append(ports).append(", logs in ").append(dir).append(')');
            for (var jvm : jvms) {
                report.append(System.lineSeparator()).append("--- tail of ").append(jvm.output()).append(" ---")
                        .append(System.lineSeparator()).append(jvm.outputTail(TAIL_LINES));
            }
            if (jvms.stream().anyMatch(jvm -> jvm.printed("Address already in use"))) {
                throw new PortClash(report.toString());
            }
            throw new ApacheRocketMqException(report.toString());
        }
    }

    /** The options that work for RocketMQ 5.2.0 on Java 17 (see ROCKETMQ-PROTOCOL.md); home and logs in the scratch dir. */
    static List<String> jvmOptions(String heap, Path dir) {
        return List.of("-Xmx" + heap, "-XX:+UseG1GC", "-XX:MaxDirectMemorySize=2g",
                "--add-opens", "java.base/java.nio=ALL-UNNAMED",
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-Duser.home=" + dir, "-Drocketmq.home.dir=" + dir);
    }

    /**
     * The name server is never what a benchmark measures: C1 only and the serial collector halve the CPU
     * its boot costs (about 2 s instead of 4.5 s here), which is what start-up waits on under load.
     */
    static List<String> namesrvJvmOptions(Path dir) {
        var options = new ArrayList<>(jvmOptions(NAMESRV_HEAP, dir));
        options.replaceAll(option -> option.equals("-XX:+UseG1GC") ? "-XX:+UseSerialGC" : option);
        options.add(1, "-XX:TieredStopAtLevel=1");
        return options;
    }

    /** Polls until {@code ready}, failing at once if a process dies and at the deadline otherwise. */
    private static void awaitUntil(String what, long deadlineNanos, List<ForkedJvm> mustStayAlive, BooleanSupplier ready) {
        while (true) {
            for (var jvm : mustStayAlive) {
                if (!jvm.isAlive()) {
                    throw new StartFailure(jvm + " exited while waiting for " + what);
                }
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() - deadlineNanos >= 0) {
                throw new StartFailure("timed out waiting for " + what);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new StartFailure("interrupted while waiting for " + what);
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
    }

    /** {@code 127.0.0.1:<port>}, for {@code setNamesrvAddr}. */
    public String namesrvAddress() {
        return RocketMqConfigFiles.HOST + ":" + ports.namesrvPort();
    }

    /** {@code 127.0.0.1:<port>}, the broker's listen address as registered with the name server. */
    public String brokerAddress() {
        return RocketMqConfigFiles.HOST + ":" + ports.brokerPort();
    }

    /** The broker's cluster name, for admin calls such as createTopic. */
    public String clusterName() {
        return RocketMqConfigFiles.CLUSTER_NAME;
    }

    /** The broker's name. */
    public String brokerName() {
        return RocketMqConfigFiles.BROKER_NAME;
    }

    public Ports ports() {
        return ports;
    }

    public long namesrvPid() {
        return namesrv.pid();
    }

    public long brokerPid() {
        return broker.pid();
    }

    /** From forking the name server to the name server listing the broker. */
    public Duration startupDuration() {
        return startupDuration;
    }

    /** CPU seconds (user + system) the broker process has used so far. */
    public double cpuSeconds() {
        return ProcessMetrics.cpuSeconds(brokerPid())
                .orElseThrow(() -> new ApacheRocketMqException("No /proc stat for broker pid " + brokerPid()));
    }

    /** Peak resident memory (VmHWM) of the broker process in KiB. */
    public long peakRssKb() {
        return ProcessMetrics.peakRssKb(brokerPid())
                .orElseThrow(() -> new ApacheRocketMqException("No /proc status for broker pid " + brokerPid()));
    }

    /** True while both processes are alive and {@link #close()} has not been called. */
    public boolean isRunning() {
        return !closed.get() && namesrv.isAlive() && broker.isAlive();
    }

    public Options options() {
        return options;
    }

    /** Where the config, {@code store/}, {@code logs/rocketmqlogs/} and the processes' output live. */
    public Path scratchDir() {
        return options.scratchDir();
    }

    /** The broker's stdout and stderr. */
    public Path brokerOutput() {
        return broker.output();
    }

    /** Stops the broker, then the name server (each politely, then forcibly); the scratch dir is kept. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RUNNING.remove(this);
        ForkedJvm.stopAll(List.of(broker, namesrv), options.stopTimeout());
        log.info("Apache RocketMQ stopped; logs kept in {}", options.scratchDir());
    }

    /** Starts a pair by hand and keeps it until Ctrl-C; see the module README for the options. */
    public static void main(String[] args) {
        ApacheRocketMq.Options options;
        try {
            options = LauncherCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        var rocketMq = start(options);
        System.out.println("namesrv=" + rocketMq.namesrvAddress());
        System.out.println("broker=" + rocketMq.brokerAddress());
        System.out.println("brokerPid=" + rocketMq.brokerPid() + " namesrvPid=" + rocketMq.namesrvPid());
        System.out.println("startupMillis=" + rocketMq.startupDuration().toMillis());
        System.out.println("dir=" + rocketMq.scratchDir());
        System.out.println("Running; Ctrl-C stops both processes.");
        System.out.flush();
        // The shutdown hook closes the pair; this thread only keeps the JVM alive until then.
        while (rocketMq.isRunning()) {
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
        if (rocketMq.closed.get()) {
            return; // stopped by the shutdown hook: System.exit here would block the shutdown
        }
        System.err.println("Apache RocketMQ process exited; see " + rocketMq.scratchDir());
        rocketMq.close();
        System.exit(1);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ApacheRocketMqException("Cannot create scratch dir " + dir, e);
        }
    }

    /** Start-up went wrong; turned into an {@link ApacheRocketMqException} with the processes' output. */
    private static final class StartFailure extends RuntimeException {
        StartFailure(String message) {
            super(message);
        }
    }

    /** A port was taken between probing and binding; worth another attempt with fresh ports. */
    private static final class PortClash extends RuntimeException {
        PortClash(String message) {
            super(message);
        }
    }
}
