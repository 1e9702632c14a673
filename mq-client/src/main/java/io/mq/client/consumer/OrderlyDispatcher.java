package io.mq.client.consumer;

import io.mq.client.ClientThreads;
import io.mq.client.MessageView;
import io.mq.protocol.body.MessageQueue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orderly consumption (RocketMQ's ConsumeMessageOrderlyService): one task at a time per queue takes the next batch
 * in offset order; in clustering only while the broker lock is held. A SUSPEND puts the batch back and tries again
 * after the pause; past the retry limit the batch goes to the dead-letter queue and the queue moves on.
 */
final class OrderlyDispatcher implements ConsumeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OrderlyDispatcher.class);
    /** A task yields after this long so that one busy queue does not hold a thread for ever. */
    private static final long TIME_SLICE_MILLIS = 60_000;
    private static final long RELOCK_DELAY_MILLIS = 100;

    private final ConsumerConfig config;
    private final OrderlyListener listener;
    private final OffsetStore offsets;
    private final SendBack sendBack;
    private final QueueLocks locks;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService pool;
    private final Map<MessageQueue, Object> queueMutexes = new ConcurrentHashMap<>();
    private final int maxReconsumeTimes;
    private volatile boolean stopping;

    OrderlyDispatcher(ConsumerConfig config, OrderlyListener listener, OffsetStore offsets, SendBack sendBack,
            QueueLocks locks, ScheduledExecutorService scheduler) {
        this.config = config;
        this.listener = listener;
        this.offsets = offsets;
        this.sendBack = sendBack;
        this.locks = locks;
        this.scheduler = scheduler;
        this.maxReconsumeTimes = config.effectiveMaxReconsumeTimes(true);
        this.pool = new ThreadPoolExecutor(config.consumeThreads(), config.consumeThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), ClientThreads.factory("consume-orderly-" + config.group()));
    }

    @Override
    public void dispatch(MessageQueue queue, ProcessQueue processQueue, List<MessageView> messages, boolean idle) {
        if (idle) {
            submit(queue, processQueue);
        }
    }

    private void submit(MessageQueue queue, ProcessQueue processQueue) {
        try {
            pool.execute(() -> consume(queue, processQueue));
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void submitLater(MessageQueue queue, ProcessQueue processQueue, long delayMillis) {
        try {
            scheduler.schedule(() -> submit(queue, processQueue), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void consume(MessageQueue queue, ProcessQueue processQueue) {
        synchronized (queueMutexes.computeIfAbsent(queue, q -> new Object())) {
            long began = System.currentTimeMillis();
            while (!stopping && !processQueue.isDropped()) {
                if (config.clustering() && !processQueue.isLocked()) {
                    relockLater(queue, processQueue);
                    return;
                }
                if (System.currentTimeMillis() - began > TIME_SLICE_MILLIS) {
                    submitLater(queue, processQueue, 10);
                    return;
                }
                var batch = processQueue.take(config.consumeBatchSize());
                if (batch.isEmpty()) {
                    return;
                }
                var context = new OrderlyContext(queue, config.suspendCurrentQueueTime());
                OrderlyResult result = callListener(processQueue, batch, context);
                if (result == null) {
                    return; // dropped while waiting for the lock
                }
                if (result == OrderlyResult.SUCCESS || !retryHere(batch)) {
                    long next = processQueue.commit();
                    if (next >= 0 && !processQueue.isDropped()) {
                        offsets.update(queue, next, false);
                    }
                } else {
                    processQueue.consumeAgain(batch.stream().map(Redelivery::retriedOnceMore).toList());
                    submitLater(queue, processQueue, Math.max(10, context.suspendTime().toMillis()));
                    return;
                }
            }
        }
    }

    private OrderlyResult callListener(ProcessQueue processQueue, List<MessageView> batch, OrderlyContext context) {
        processQueue.consumeLock.lock();
        try {
            if (processQueue.isDropped()) {
                return null;
            }
            var result = listener.consume(batch.stream().map(Redelivery::withRealTopic).toList(), context);
            return result == null ? OrderlyResult.SUSPEND_CURRENT_QUEUE_A_MOMENT : result;
        } catch (RuntimeException e) {
            log.warn("orderly listener of group {} failed on {}: {}", config.group(), context.queue(), e.toString(), e);
            return OrderlyResult.SUSPEND_CURRENT_QUEUE_A_MOMENT;
        } finally {
            processQueue.consumeLock.unlock();
        }
    }

    /**
     * After a SUSPEND: true when the batch is to be consumed again here; false when every message is past the retry
     * limit and went to the dead-letter queue (so the queue moves on). Broadcasting never gives up.
     */
    private boolean retryHere(List<MessageView> batch) {
        if (!config.clustering()) {
            return true;
        }
        boolean again = false;
        for (var message : batch) {
            if (message.reconsumeTimes() < maxReconsumeTimes
                    || !sendBack.send(Redelivery.withRealTopic(message), SendBack.TO_DEAD_LETTER_QUEUE)) {
                again = true;
            }
        }
        return again;
    }

    private void relockLater(MessageQueue queue, ProcessQueue processQueue) {
        try {
            scheduler.schedule(() -> {
                if (!processQueue.isDropped() && locks.lock(queue)) {
                    processQueue.locked(true);
                    submit(queue, processQueue);
                } else if (!processQueue.isDropped()) {
                    submitLater(queue, processQueue, 3000);
                }
            }, RELOCK_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    @Override
    public void shutdown() {
        stopping = true;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
