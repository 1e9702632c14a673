package io.mq.spring.transaction;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes rows older than the retention from the fence and dedup tables, every interval, in batches (each batch its
 * own short statement, so no long lock on the table). The retention must outlast the broker's check horizon: a row
 * deleted while the broker may still ask about its message would be answered by a fresh fence insert.
 */
public final class ExpiredRowsCleaner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredRowsCleaner.class);

    private final List<ExpiredRows> tables;
    private final Duration retention;
    private final Duration interval;
    private final int batchSize;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public ExpiredRowsCleaner(List<ExpiredRows> tables, Duration retention, Duration interval, int batchSize,
            Clock clock) {
        if (batchSize < 1 || retention.isNegative() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("cleanup needs a positive interval and batch size");
        }
        this.tables = List.copyOf(tables);
        this.retention = retention;
        this.interval = interval;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** One pass over every table; returns the rows deleted. */
    public int cleanOnce() {
        var horizon = clock.instant().minus(retention);
        int total = 0;
        for (var table : tables) {
            try {
                int deleted;
                do {
                    deleted = table.deleteOlderThan(horizon, batchSize);
                    total += deleted;
                } while (deleted >= batchSize);
            } catch (RuntimeException e) {
                log.warn("deleting old rows of {} failed (tried again in {}): {}", table.table(), interval,
                        e.getMessage());
            }
        }
        if (total > 0) {
            log.debug("deleted {} rows older than {}", total, horizon);
        }
        return total;
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, "mq-tx-cleanup");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(this::cleanOnce, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
