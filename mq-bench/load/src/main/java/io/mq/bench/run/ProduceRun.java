package io.mq.bench.run;

import io.mq.bench.LoadOptions;
import io.mq.bench.driver.BenchProducer;
import io.mq.bench.report.Latency;
import io.mq.bench.report.RunResult;
import java.util.ArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends from {@code --threads} threads, sync, async or one-way, for warm-up plus duration or for a fixed count,
 * optionally paced to {@code --rate}. Latency is from just before the send call to the answer (sync: the call's
 * return; async: the callback; one-way: the call's return, which is all the client knows).
 */
public final class ProduceRun {

    private static final long FAILURE_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final LoadOptions options;
    private final BenchProducer producer;
    private final boolean stampBodies;
    private Pacer pacer;
    private final Semaphore inFlight;
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private final byte[] template;
    private Tally tally;

    /**
     * @param stampBodies put the send time in every body (the e2e run); otherwise one random body is reused
     */
    public ProduceRun(LoadOptions options, BenchProducer producer, boolean stampBodies) {
        this.options = options;
        this.producer = producer;
        this.stampBodies = stampBodies;
        this.inFlight = new Semaphore(options.maxInFlight());
        this.template = Bodies.random(options.bodySize());
    }

    /** Runs to the end and returns the send figures. */
    public RunResult run() {
        return resultOf(start(), finish());
    }

    /** Starts the producer threads in the given window (split out so the e2e run can watch the consumer meanwhile). */
    Window start() {
        var window = options.fixedCount() ? Window.fromNowOn() : Window.after(options.warmup(), options.duration());
        tally = new Tally(window);
        pacer = new Pacer(options.rate(), window); // the schedule starts now, not when the run was set up
        return window;
    }

    /** Sends until the window ends (or the count is reached), then waits for async answers still out. */
    long finish() {
        long began = System.nanoTime();
        var threads = new ArrayList<Thread>();
        try (var progress = Progress.start("sent", tally::total, tally::errors, options.reportInterval())) {
            for (int i = 0; i < options.threads(); i++) {
                var thread = new Thread(this::sendLoop, "bench-producer-" + i);
                threads.add(thread);
                thread.start();
            }
            for (var thread : threads) {
                join(thread);
            }
            awaitAsyncAnswers();
        }
        var error = firstError.get();
        if (error != null) {
            System.err.println("first send failure: " + error);
        }
        return System.nanoTime() - began;
    }

    Tally tally() {
        return tally;
    }

    private RunResult resultOf(Window window, long elapsedNanos) {
        double seconds = options.fixedCount() ? elapsedNanos / 1e9 : window.seconds();
        long measured = tally.measured();
        return new RunResult("produce", options.driver(), options.sendMode().name().toLowerCase(java.util.Locale.ROOT),
                options.threads(), options.bodySize(), options.rate(), seconds, measured, tally.total(), tally.errors(),
                0, Latency.of(tally.latency()));
    }

    private void sendLoop() {
        var window = tally.window();
        while (true) {
            if (options.fixedCount() ? claimed.getAndIncrement() >= options.messages() : window.isOver(System.nanoTime())) {
                return;
            }
            pacer.awaitTurn();
            long start = System.nanoTime();
            var body = stampBodies ? Bodies.stamped(template, start) : template;
            switch (options.sendMode()) {
                case SYNC -> {
                    try {
                        producer.sendSync(options.topic(), body);
                        tally.completed(start, System.nanoTime());
                    } catch (RuntimeException e) {
                        failed(e);
                    }
                }
                case ASYNC -> sendAsync(body, start);
                case ONEWAY -> {
                    try {
                        producer.sendOneway(options.topic(), body);
                        tally.completed(start, System.nanoTime());
                    } catch (RuntimeException e) {
                        failed(e);
                    }
                }
            }
        }
    }

    private void sendAsync(byte[] body, long start) {
        inFlight.acquireUninterruptibly();
        try {
            producer.sendAsync(options.topic(), body, error -> {
                if (error == null) {
                    tally.completed(start, System.nanoTime());
                } else {
                    firstError.compareAndSet(null, error);
                    tally.failed();
                }
                inFlight.release();
            });
        } catch (RuntimeException e) {
            inFlight.release();
            failed(e);
        }
    }

    /** Counts the failure; a short pause keeps a broker that refuses everything from turning this into a spin. */
    private void failed(RuntimeException e) {
        firstError.compareAndSet(null, e);
        tally.failed();
        LockSupport.parkNanos(FAILURE_BACKOFF_NANOS);
    }

    private void awaitAsyncAnswers() {
        try {
            if (!inFlight.tryAcquire(options.maxInFlight(), 30, TimeUnit.SECONDS)) {
                System.err.println("async answers still missing after 30 s: " + (options.maxInFlight() - inFlight.availablePermits()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
