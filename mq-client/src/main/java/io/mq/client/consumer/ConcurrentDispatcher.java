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
 * Concurrent consumption (RocketMQ's ConsumeMessageConcurrentlyService): listener calls of at most consumeBatchSize
 * messages on a fixed pool; a failed call's messages go back to the broker (clustering) or are dropped with a warning
 * (broadcasting, as the official client does); a send-back that fails is consumed again here after a pause. The
 * offset moves to the smallest message still in process. A pool task makes several calls in a row when calls are
 * quick (see {@link ListenerPace}); each call is still timed for the consume timeout on its own.
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
    private final ListenerPace pace = new ListenerPace();
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
        submitInTasks(queue, processQueue, messages);
    }

    /** {@code messages} is not changed afterwards: tasks take views of it. */
    private void submitInTasks(MessageQueue queue, ProcessQueue processQueue, List<MessageView> messages) {
        int batchSize = config.consumeBatchSize();
        int calls = (messages.size() + batchSize - 1) / batchSize;
        int perTask = batchSize * pace.callsPerTask(calls);
        for (int from = 0; from < messages.size(); from += perTask) {
            var task = new Task(queue, processQueue, messages.subList(from, Math.min(messages.size(), from + perTask)));
            try {
                pool.execute(() -> consume(task));
            } catch (RejectedExecutionException e) {
                // shutting down: the messages stay uncommitted and are delivered again to whoever consumes next
                return;
            }
        }
    }

    private void consume(Task task) {
        var messages = task.messages;
        var done = new ArrayList<MessageView>(messages.size());
        var retryHere = new ArrayList<MessageView>(0);
        int batchSize = config.consumeBatchSize();
        long began = System.nanoTime();
        long callBegan = began;
        for (int from = 0; from < messages.size(); from += batchSize) {
            if (stopping || task.processQueue.isDropped()) {
                return;
            }
            if (from > 0 && callBegan - began > ListenerPace.TASK_NANOS) { // slower than paced: let idle threads help
                submitInTasks(task.queue, task.processQueue, messages.subList(from, messages.size()));
                break;
            }
            var batch = messages.subList(from, Math.min(messages.size(), from + batchSize));
            if (!call(task, batch, done, retryHere)) {
                return; // the queue went to another consumer meanwhile; it will deliver these again
            }
            long callEnded = System.nanoTime();
            pace.record(callEnded - callBegan);
            callBegan = callEnded;
        }
        commit(task.queue, task.processQueue, done);
        if (!retryHere.isEmpty()) {
            var again = new ArrayList<MessageView>(retryHere.size());
            for (var m : retryHere) {
                again.add(Redelivery.retriedOnceMore(m));
            }
            scheduler.schedule(() -> submitInTasks(task.queue, task.processQueue, List.copyOf(again)),
                    LOCAL_RETRY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One listener call: adds its messages to {@code done}, or to {@code retryHere} those whose send-back failed.
     * False when the queue was dropped meanwhile.
     */
    private boolean call(Task task, List<MessageView> batch, List<MessageView> done, List<MessageView> retryHere) {
        var context = new ConcurrentContext(task.queue);
        var views = withRealTopics(batch);
        task.processQueue.consumeStarted(batch, System.currentTimeMillis());
        ConsumeResult result;
        try {
            result = listener.consume(views, context);
        } catch (RuntimeException e) {
            log.warn("listener of group {} failed on {} messages of {}: {}", config.group(), views.size(),
                    task.queue, e.toString(), e);
            result = null;
        }
        if (task.processQueue.isDropped()) {
            return false;
        }
        if (result == ConsumeResult.CONSUME_SUCCESS) {
            done.addAll(batch);
        } else if (config.clustering()) {
            for (int i = 0; i < views.size(); i++) {
                (sendBack.send(views.get(i), context.delayLevelWhenNextConsume()) ? done : retryHere)
                        .add(batch.get(i));
            }
        } else {
            log.warn("broadcasting group {} dropped {} messages its listener asked to reconsume: {}",
                    config.group(), views.size(), views);
            done.addAll(batch);
        }
        return true;
    }

    /** The batch as the listener sees it: itself unless a retry message shows its real topic. */
    private static List<MessageView> withRealTopics(List<MessageView> batch) {
        List<MessageView> views = batch;
        for (int i = 0; i < batch.size(); i++) {
            var view = Redelivery.withRealTopic(batch.get(i));
            if (view != batch.get(i)) {
                if (views == batch) {
                    views = new ArrayList<>(batch);
                }
                views.set(i, view);
            }
        }
        return views == batch ? batch : List.copyOf(views);
    }

    private void commit(MessageQueue queue, ProcessQueue processQueue, List<MessageView> done) {
        if (done.isEmpty()) {
            return;
        }
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

    /** Listener calls for one pool task: a view of the messages of one pull (or of a task's remainder). */
    private record Task(MessageQueue queue, ProcessQueue processQueue, List<MessageView> messages) {
    }
}
