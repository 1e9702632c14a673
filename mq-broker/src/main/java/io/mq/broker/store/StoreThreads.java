package io.mq.broker.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads with names that say which store service they run. */
final class StoreThreads {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private StoreThreads() {
    }

    static ThreadFactory named(String service) {
        return runnable -> {
            var thread = new Thread(runnable, "mq-store-" + service + "-" + SEQUENCE.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static void stop(ExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
