package io.mq.client.producer;

import io.mq.client.ClientInstance;
import io.mq.client.MqClientException;
import io.mq.client.SendResult;
import io.mq.client.SendStatus;
import io.mq.client.TopicRoute;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.remoting.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an encoded message with the official producer's retry rules: sync and async sends try up to
 * {@code 1 + retries} times within the send timeout, each retry on another broker when there is one, after a
 * connection failure, a timeout or one of the retryable response codes; other answers are final.
 */
final class Sender {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    /** The official client's retryable codes, plus SYSTEM_BUSY (a busy broker is worth avoiding, not failing on). */
    private static final Set<Integer> RETRYABLE = Set.of(ResponseCode.TOPIC_NOT_EXIST,
            ResponseCode.SERVICE_NOT_AVAILABLE, ResponseCode.SYSTEM_ERROR, ResponseCode.SYSTEM_BUSY,
            ResponseCode.NO_PERMISSION);

    private final ClientInstance client;
    private final ProducerConfig config;
    private final BrokerAvoidance avoidance = new BrokerAvoidance(System::currentTimeMillis);
    private final QueueChooser chooser;

    Sender(ClientInstance client, ProducerConfig config) {
        this.client = client;
        this.config = config;
        this.chooser = new QueueChooser(avoidance, config.faultAvoidance());
    }

    TopicRoute route(String topic) {
        return client.publishRoute(topic, config.createTopicKey(), config.defaultTopicQueueNums());
    }

    SendResult sendSync(OutgoingMessage message) {
        var attempt = new Attempt(message, System.currentTimeMillis() + config.sendTimeout().toMillis());
        SendResult storedNotOk = null; // kept in case the retries it asked for all fail
        while (true) {
            MessageQueue queue;
            try {
                queue = attempt.next();
            } catch (MqClientException e) {
                if (storedNotOk != null) {
                    return storedNotOk;
                }
                throw e;
            }
            long start = System.currentTimeMillis();
            try {
                var result = client.brokerApi().send(address(queue), queue.brokerName(), message.header(config, queue),
                        message.body(), message.uniqueIds(), attempt.timeLeft());
                avoidance.answered(queue.brokerName(), System.currentTimeMillis() - start);
                if (result.status() == SendStatus.SEND_OK || !config.retryWhenNotStored() || !attempt.canRetry()) {
                    return result;
                }
                storedNotOk = result;
                attempt.lastBroker = queue.brokerName();
            } catch (MqClientException e) {
                if (storedNotOk != null && !attempt.canRetry()) {
                    return storedNotOk;
                }
                attempt.failed(e, queue);
            }
        }
    }

    CompletableFuture<SendResult> sendAsync(OutgoingMessage message) {
        var result = new CompletableFuture<SendResult>();
        var attempt = new Attempt(message, System.currentTimeMillis() + config.sendTimeout().toMillis());
        runAsync(() -> sendAsync(attempt, result), result);
        return result;
    }

    private void sendAsync(Attempt attempt, CompletableFuture<SendResult> result) {
        var message = attempt.message;
        MessageQueue queue;
        String address;
        try {
            queue = attempt.next();
            address = address(queue);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        long start = System.currentTimeMillis();
        client.brokerApi().sendAsync(address, queue.brokerName(), message.header(config, queue), message.body(),
                message.uniqueIds(), attempt.timeLeft()).whenComplete((sent, error) -> {
                    if (error == null) {
                        avoidance.answered(queue.brokerName(), System.currentTimeMillis() - start);
                        result.complete(sent);
                        return;
                    }
                    var cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    try {
                        if (!(cause instanceof MqClientException clientError)) {
                            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                        }
                        attempt.failed(clientError, queue); // throws when no retry is left
                        runAsync(() -> sendAsync(attempt, result), result);
                    } catch (RuntimeException finalError) {
                        result.completeExceptionally(finalError);
                    }
                });
    }

    /** One attempt, no retry: one-way sends and sends to a chosen queue. */
    SendResult sendToQueue(OutgoingMessage message, MessageQueue queue) {
        return client.brokerApi().send(address(queue), queue.brokerName(), message.header(config, queue),
                message.body(), message.uniqueIds(), config.sendTimeout().toMillis());
    }

    CompletableFuture<SendResult> sendToQueueAsync(OutgoingMessage message, MessageQueue queue) {
        return client.brokerApi().sendAsync(address(queue), queue.brokerName(), message.header(config, queue),
                message.body(), message.uniqueIds(), config.sendTimeout().toMillis());
    }

    void sendOneway(OutgoingMessage message, MessageQueue queue) {
        client.brokerApi().sendOneway(address(queue), message.header(config, queue), message.body());
    }

    MessageQueue chooseQueue(String topic) {
        return chooser.choose(topic, route(topic).publishQueues(), null);
    }

    /** The master of the queue's broker, from the topic's publish route (which may be the template's). */
    private String address(MessageQueue queue) {
        return route(queue.topic()).masterAddress(queue.brokerName())
                .orElseGet(() -> client.masterAddress(queue.brokerName(), queue.topic()));
    }

    private void runAsync(Runnable task, CompletableFuture<?> result) {
        try {
            client.asyncExecutor().execute(task);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new MqClientException(MqClientException.CLIENT_ERROR, null,
                    "send refused: the client is closed", e));
        }
    }

    /** The retry state of one send: attempts made, the broker to avoid next, the last error. */
    private final class Attempt {
        private final OutgoingMessage message;
        private final long deadline;
        private final int maxAttempts = 1 + config.retries();
        private final List<String> brokersTried = new ArrayList<>();
        private String lastBroker;
        private MqClientException lastError;

        Attempt(OutgoingMessage message, long deadline) {
            this.message = message;
            this.deadline = deadline;
        }

        /** The queue of the next attempt; throws the final error when attempts or time ran out. */
        MessageQueue next() {
            if (brokersTried.size() >= maxAttempts || (!brokersTried.isEmpty() && deadline <= System.currentTimeMillis())) {
                throw finalError();
            }
            var queue = chooser.choose(message.topic(), route(message.topic()).publishQueues(), lastBroker);
            brokersTried.add(queue.brokerName());
            return queue;
        }

        long timeLeft() {
            return Math.max(1, deadline - System.currentTimeMillis());
        }

        boolean canRetry() {
            return brokersTried.size() < maxAttempts && deadline > System.currentTimeMillis();
        }

        /** Records a failed attempt; throws it at once unless it is worth another try. */
        void failed(MqClientException error, MessageQueue queue) {
            lastError = error;
            lastBroker = queue.brokerName();
            if (error.isRemotingFailure() || RETRYABLE.contains(error.responseCode())) {
                avoidance.failed(queue.brokerName());
                if (canRetry()) {
                    log.debug("send to {} failed, retrying on another broker: {}", queue, error.getMessage());
                    return;
                }
            }
            throw finalError();
        }

        private MqClientException finalError() {
            if (lastError == null) {
                return new MqClientException(MqClientException.TIMEOUT, "send to topic " + message.topic()
                        + " timed out after " + config.sendTimeout().toMillis() + " ms");
            }
            if (brokersTried.size() == 1) {
                return lastError;
            }
            return new MqClientException(lastError.responseCode(), lastError.remark(), "send to topic "
                    + message.topic() + " failed after " + brokersTried.size() + " attempts on " + brokersTried
                    + "; last: " + lastError.getMessage(), lastError);
        }
    }
}
