package io.mq.bench.cpu;

import io.mq.bench.cli.CommandLine;
import io.mq.bench.driver.BenchProducer;
import io.mq.bench.driver.Drivers;
import io.mq.bench.driver.ProducerSettings;
import io.mq.bench.run.Bodies;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a client costs its application: the CPU time of this JVM (every thread: senders, client I/O, GC, JIT) per
 * 100k sync sends of one body size from N threads, after a warm-up in the same JVM. Run once per driver, each in a
 * fresh JVM, against the same broker ({@code mq-bench/client-cpu.sh} alternates them for a few rounds). Prints one
 * {@code CPU {json}} line.
 */
public final class ClientCpuMain {

    private static final Set<String> OPTIONS = Set.of("driver", "namesrv", "topic", "messages", "warmup-messages",
            "threads", "body-size", "queues", "jfr");

    private ClientCpuMain() {
    }

    public static void main(String[] args) {
        var cli = CommandLine.parse(args, OPTIONS, Set.of());
        var driver = Drivers.byName(cli.string("driver", "mq"));
        var namesrv = cli.string("namesrv", "127.0.0.1:9876");
        var topic = cli.string("topic", "ClientCpu");
        long messages = cli.number("messages", 100_000);
        long warmup = cli.number("warmup-messages", 30_000);
        int threads = cli.integer("threads", 16);
        var body = Bodies.random(cli.bytes("body-size", 1024));

        driver.createTopic(namesrv, topic, cli.integer("queues", 8), Duration.ofSeconds(60));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (var producer = driver.producer(new ProducerSettings(namesrv, "client_cpu_" + driver.name(),
                "client-cpu-" + ProcessHandle.current().pid()))) {
            var warm = sendAll(producer, topic, body, warmup, threads);
            double loadBefore = os.getSystemLoadAverage();
            long cpuBefore = os.getProcessCpuTime();
            long gcBefore = gcMillis();
            double jitBefore = CompilerCpu.seconds();
            var allocations = Allocations.snapshot();
            var recording = Profile.startIf(cli.string("jfr", null));
            var measured = sendAll(producer, topic, body, messages, threads);
            long cpuNanos = os.getProcessCpuTime() - cpuBefore;
            double jitSeconds = Math.max(0, CompilerCpu.seconds() - jitBefore); // a compiler thread may end between
            long otherBytes = allocations.sinceSnapshot();
            recording.stop();
            long gc = gcMillis() - gcBefore;
            double loadAfter = os.getSystemLoadAverage();
            double per100k = cpuNanos / 1e9 / Math.max(1, measured.sent()) * 100_000;
            long sends = Math.max(1, measured.sent() + measured.errors());
            System.out.println(String.format(Locale.ROOT,
                    "CPU {\"driver\":\"%s\",\"threads\":%d,\"bodySize\":%d,\"messages\":%d,\"errors\":%d,"
                            + "\"warmupErrors\":%d,\"seconds\":%.3f,\"msgPerSec\":%.1f,\"cpuSeconds\":%.3f,"
                            + "\"cpuSecondsPer100k\":%.3f,\"jitCpuSeconds\":%.2f,\"gcMillis\":%d,\"bytesPerSend\":%d,"
                            + "\"senderBytesPerSend\":%d,\"cpus\":%d,\"loadBefore\":%.2f,\"loadAfter\":%.2f}",
                    driver.name(), threads, body.length, measured.sent(), measured.errors(), warm.errors(),
                    measured.seconds(), measured.sent() / measured.seconds(), cpuNanos / 1e9, per100k, jitSeconds, gc,
                    (measured.senderBytes() + otherBytes) / sends, measured.senderBytes() / sends,
                    os.getAvailableProcessors(), loadBefore, loadAfter));
        }
        System.exit(0); // the official client leaves non-daemon threads behind on some paths
    }

    /** @param senderBytes heap bytes the sender threads allocated (the other threads are counted apart) */
    private record Sent(long sent, long errors, double seconds, long senderBytes) {
    }

    /** Sends {@code count} messages sync from {@code threads} threads; failures are counted, not retried. */
    private static Sent sendAll(BenchProducer producer, String topic, byte[] body, long count, int threads) {
        var claimed = new AtomicLong();
        var sent = new AtomicLong();
        var errors = new AtomicLong();
        var senderBytes = new AtomicLong();
        var workers = new ArrayList<Thread>();
        long began = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            var worker = new Thread(() -> {
                long allocatedBefore = Allocations.mine();
                while (claimed.getAndIncrement() < count) {
                    try {
                        producer.sendSync(topic, body);
                        sent.incrementAndGet();
                    } catch (RuntimeException e) {
                        if (errors.incrementAndGet() <= 3) { // counted, not retried; the first few say why
                            System.err.println("send failed: " + e);
                        }
                    }
                }
                senderBytes.addAndGet(Allocations.mine() - allocatedBefore);
            }, "cpu-sender-" + i);
            workers.add(worker);
            worker.start();
        }
        for (var worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return new Sent(sent.get(), errors.get(), (System.nanoTime() - began) / 1e9, senderBytes.get());
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
                .sum();
    }
}
