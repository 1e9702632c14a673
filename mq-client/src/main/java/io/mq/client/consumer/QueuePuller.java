package io.mq.client.consumer;

import io.mq.client.ClientInstance;
import io.mq.client.MqClientException;
import io.mq.client.PullResult;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.header.PullMessageRequestHeader;
import io.mq.protocol.remoting.ResponseCode;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull loop of each assigned queue (RocketMQ's PullMessageService and the push consumer's pull callback): a long
 * poll at the queue's next offset, the found messages into the process queue and to the dispatcher, then the next
 * pull at once; paused while the process queue is over its thresholds; stopped when the queue is dropped. The
 * subscription is the one the heartbeat registered (as the official push consumer pulls).
 */
final class QueuePuller {

    private static final Logger log = LoggerFactory.getLogger(QueuePuller.class);
    private static final long FLOW_CONTROL_DELAY_MILLIS = 50;
    private static final long ERROR_DELAY_MILLIS = 1000;

    private final ClientInstance client;
    private final ConsumerConfig config;
    private final Function<String, TopicSubscription> subscriptions;
    private final OffsetStore offsets;
    private final ConsumeDispatcher dispatcher;
    private final ScheduledExecutorService executor;
    private volatile boolean stopped;

    QueuePuller(ClientInstance client, ConsumerConfig config, Function<String, TopicSubscription> subscriptions,
            OffsetStore offsets, ConsumeDispatcher dispatcher, ScheduledExecutorService executor) {
        this.client = client;
        this.config = config;
        this.subscriptions = subscriptions;
        this.offsets = offsets;
        this.dispatcher = dispatcher;
        this.executor = executor;
    }

    void start(MessageQueue queue, ProcessQueue processQueue) {
        pullLater(queue, processQueue, 0);
    }

    void stop() {
        stopped = true;
    }

    private void pullLater(MessageQueue queue, ProcessQueue processQueue, long delayMillis) {
        if (stopped || processQueue.isDropped()) {
            return;
        }
        try {
            if (delayMillis <= 0) {
                executor.execute(() -> pull(queue, processQueue));
            } else {
                executor.schedule(() -> pull(queue, processQueue), delayMillis, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // the consumer is closing
        }
    }

    private void pull(MessageQueue queue, ProcessQueue processQueue) {
        if (stopped || processQueue.isDropped()) {
            return;
        }
        if (processQueue.count() > config.pullThresholdForQueue()
                || processQueue.bytes() > config.pullThresholdSizeForQueue()) {
            pullLater(queue, processQueue, FLOW_CONTROL_DELAY_MILLIS);
            return;
        }
        var subscription = subscriptions.apply(queue.topic());
        if (subscription == null) {
            return; // unsubscribed
        }
        String address;
        try {
            address = client.masterAddress(queue.brokerName(), queue.topic());
        } catch (MqClientException e) {
            log.warn("no broker to pull {} from: {}", queue, e.getMessage());
            pullLater(queue, processQueue, ERROR_DELAY_MILLIS);
            return;
        }
        long committed = config.clustering() ? offsets.read(queue) : -1;
        int sysFlag = PullMessageRequestHeader.FLAG_SUSPEND
                | (committed > 0 ? PullMessageRequestHeader.FLAG_COMMIT_OFFSET : 0);
        // the version and type as toData() would give them, without building its tag sets on every pull
        var header = new PullMessageRequestHeader(config.group(), queue.topic(), queue.queueId(),
                processQueue.nextOffset(), config.pullBatchSize(), sysFlag, Math.max(committed, 0),
                config.brokerSuspendTime().toMillis(), null, subscription.subVersion(),
                subscription.selector().type(), null, null, null, queue.brokerName());
        client.brokerApi().pullAsync(address, queue.brokerName(), header, config.pullTimeout().toMillis())
                .whenComplete((result, error) -> {
                    try {
                        executor.execute(() -> handle(queue, processQueue, subscription, result, error));
                    } catch (RejectedExecutionException e) {
                        // the consumer is closing
                    }
                });
    }

    private void handle(MessageQueue queue, ProcessQueue processQueue, TopicSubscription subscription,
            PullResult result, Throwable error) {
        if (stopped || processQueue.isDropped()) {
            return;
        }
        if (error != null) {
            failed(queue, processQueue, error instanceof CompletionException ? error.getCause() : error);
            return;
        }
        switch (result.status()) {
            case FOUND -> {
                processQueue.nextOffset(result.nextBeginOffset());
                var wanted = subscription.accepted(result.messages());
                if (wanted.isEmpty()) {
                    skipFiltered(queue, processQueue, result.nextBeginOffset());
                } else {
                    boolean idle = processQueue.put(wanted);
                    dispatcher.dispatch(queue, processQueue, wanted, idle);
                }
                pullLater(queue, processQueue, 0);
            }
            case NO_NEW_MSG, NO_MATCHED_MSG -> {
                processQueue.nextOffset(result.nextBeginOffset());
                skipFiltered(queue, processQueue, result.nextBeginOffset());
                pullLater(queue, processQueue, 0);
            }
            case OFFSET_ILLEGAL -> {
                log.warn("offset {} of {} is out of range [{}, {}] for group {}; moving to {}",
                        processQueue.nextOffset(), queue, result.minOffset(), result.maxOffset(), config.group(),
                        result.nextBeginOffset());
                processQueue.nextOffset(result.nextBeginOffset());
                offsets.update(queue, result.nextBeginOffset(), false);
                offsets.persist(List.of(queue));
                pullLater(queue, processQueue, 0);
            }
        }
    }

    /** Nothing to consume up to {@code next}: move the offset there unless messages are still in process. */
    private void skipFiltered(MessageQueue queue, ProcessQueue processQueue, long next) {
        if (processQueue.isEmpty()) {
            offsets.update(queue, next, true);
        }
    }

    private void failed(MessageQueue queue, ProcessQueue processQueue, Throwable error) {
        if (error instanceof MqClientException e && (e.responseCode() == ResponseCode.SUBSCRIPTION_NOT_LATEST
                || e.responseCode() == ResponseCode.SUBSCRIPTION_NOT_EXIST)) {
            log.debug("broker has not seen the subscription of {} yet; heartbeat and retry: {}", queue,
                    e.getMessage());
            client.sendHeartbeatNow();
        } else {
            log.warn("pull of {} for group {} failed: {}", queue, config.group(), error.toString());
        }
        pullLater(queue, processQueue, ERROR_DELAY_MILLIS);
    }
}
