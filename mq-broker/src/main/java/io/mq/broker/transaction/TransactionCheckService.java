package io.mq.broker.transaction;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the check scan every {@code checkInterval} on its own thread (RocketMQ's TransactionalMessageCheckService),
 * so a long scan never delays the broker's other periodic work. {@link #close()} stops it and waits for a running
 * scan to finish.
 */
public final class TransactionCheckService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionCheckService.class);

    private final TransactionalMessageService service;
    private final ScheduledExecutorService thread;

    private TransactionCheckService(TransactionalMessageService service) {
        this.service = service;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "transaction-check");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts scanning: the first scan one interval from now. */
    public static TransactionCheckService start(TransactionalMessageService service) {
        var checker = new TransactionCheckService(service);
        long interval = service.settings().checkInterval().toMillis();
        checker.thread.scheduleWithFixedDelay(checker::checkOnce, interval, interval, TimeUnit.MILLISECONDS);
        return checker;
    }

    private void checkOnce() {
        try {
            service.check();
        } catch (RuntimeException e) {
            // A failed scan must not end the schedule: the next interval tries again from the committed offsets.
            log.error("transaction check scan failed", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
    }
}
