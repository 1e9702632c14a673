package io.mq.client.consumer;

import io.mq.client.ClientThreads;
import io.mq.client.MessageView;
import io.mq.protocol.body.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Concurrent consumption (RocketMQ's ConsumeMessageConcurrentlyService): batches of at most consumeBatchSize on a
 * fixed pool; a failed batch goes back to the broker (clustering) or is dropped with a warning (broadcasting, as the
 * official client does); a send-back that fails is consumed again here after a pause. The offset moves to the
 * smallest message still in process.
 */
final class ConcurrentDispatcher implements ConsumeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentDispatcher.class);
    private static final long LOCAL_RETRY_DELAY_MILLIS = 5000;

    private final ConsumerConfig config;
    private final ConcurrentListener listener;
    private final OffsetStore offsets;
    private final SendBack sendBack;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService pool;
    private volatile boolean stopping;

    ConcurrentDispatcher(ConsumerConfig config, ConcurrentListener listener, OffsetStore offsets, SendBack sendBack,
            ScheduledExecutorService scheduler) {
        this.config = config;
        this.listener = listener;
        this.offsets = offsets;
        this.sendBack = sendBack;
        this.scheduler = scheduler;
        this.pool = new ThreadPoolExecutor(config.consumeThreads(), config.consumeThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), ClientThreads.factory("consume-" + config.group()));
    }

    @Override
    public void dispatch(MessageQueue queue, ProcessQueue processQueue, List<MessageView> messages, boolean idle) {
        int size = config.consumeBatchSize();
        for (int from = 0; from < messages.size(); from += size) {
            var batch = List.copyOf(messages.subList(from, Math.min(messages.size(), from + size)));
            submit(new Batch(queue, processQueue, batch));
        }
    }

    private void submit(Batch batch) {
        try {
            pool.execute(() -> consume(batch));
        } catch (RejectedExecutionException e) {
            // shutting down: the messages stay uncommitted and are delivered again to whoever consumes next
        }
    }

    private void consume(Batch batch) {
        if (stopping || batch.processQueue.isDropped()) {
            return;
        }
        var context = new ConcurrentContext(batch.queue);
        var views = batch.messages.stream().map(Redelivery::withRealTopic).toList();
        batch.processQueue.consumeStarted(batch.messages, System.currentTimeMillis());
        ConsumeResult result;
        try {
            result = listener.consume(views, context);
        } catch (RuntimeException e) {
            log.warn("listener of group {} failed on {} messages of {}: {}", config.group(), views.size(),
                    batch.queue, e.toString(), e);
            result = null;
        }
        if (batch.processQueue.isDropped()) {
            return; // the queue went to another consumer meanwhile; it will deliver these again
        }
        var retryHere = new ArrayList<MessageView>();
        if (result != ConsumeResult.CONSUME_SUCCESS) {
            if (config.clustering()) {
                for (int i = 0; i < views.size(); i++) {
                    if (!sendBack.send(views.get(i), context.delayLevelWhenNextConsume())) {
                        retryHere.add(batch.messages.get(i));
                    }
                }
            } else {
                log.warn("broadcasting group {} dropped {} messages its listener asked to reconsume: {}",
                        config.group(), views.size(), views);
            }
        }
        var done = new ArrayList<>(batch.messages);
        done.removeAll(retryHere);
        commit(batch.queue, batch.processQueue, done);
        if (!retryHere.isEmpty()) {
            var again = new Batch(batch.queue, batch.processQueue,
                    retryHere.stream().map(Redelivery::retriedOnceMore).toList());
            scheduler.schedule(() -> submit(again), LOCAL_RETRY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void commit(MessageQueue queue, ProcessQueue processQueue, List<MessageView> done) {
        long offset = processQueue.remove(done);
        if (offset >= 0 && !processQueue.isDropped()) {
            offsets.update(queue, offset, true);
        }
    }

    /** Messages in the listener longer than the consume timeout go back to the broker and stop holding the offset. */
    @Override
    public void housekeeping(MessageQueue queue, ProcessQueue processQueue) {
        if (!config.clustering()) {
            return;
        }
        long deadline = System.currentTimeMillis() - config.consumeTimeout().toMillis();
        for (var message : processQueue.consumingSince(deadline)) {
            log.warn("group {} consumed {} for longer than {}; handing it back for retry", config.group(), message,
                    config.consumeTimeout());
            if (sendBack.send(Redelivery.withRealTopic(message), 3)) {
                commit(queue, processQueue, List.of(message));
            }
        }
    }

    @Override
    public void shutdown() {
        stopping = true;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("group {}: listener calls still running after {}; interrupting them", config.group(),
                        config.shutdownTimeout());
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private record Batch(MessageQueue queue, ProcessQueue processQueue, List<MessageView> messages) {
    }
}
