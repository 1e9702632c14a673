package io.mq.client.reply;

import io.mq.client.ClientInstance;
import io.mq.client.MessageView;
import io.mq.client.MqClientException;
import io.mq.protocol.remoting.RequestCode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of this process waiting for their reply, by correlation id. One table for the process (as RocketMQ's
 * RequestFutureHolder): correlation ids are unique, and a reply may arrive on any client instance's connection.
 */
public final class PendingReplies {

    private static final Logger log = LoggerFactory.getLogger(PendingReplies.class);
    private static final Map<String, CompletableFuture<MessageView>> WAITING = new ConcurrentHashMap<>();

    private PendingReplies() {
    }

    /** Lets {@code client} receive pushed replies (PUSH_REPLY_MESSAGE_TO_CLIENT); idempotent. */
    public static void enable(ClientInstance client) {
        client.registerProcessor(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT, new ReplyReceiver());
    }

    /** A fresh correlation id for a request. */
    public static String newCorrelationId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Waits for the reply of {@code correlationId}: the future completes with the reply, or fails with an
     * {@link MqClientException} (TIMEOUT) once {@code timeout} passes. Register before sending the request.
     */
    public static CompletableFuture<MessageView> await(String correlationId, Duration timeout) {
        var reply = new CompletableFuture<MessageView>();
        WAITING.put(correlationId, reply);
        var result = reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(error instanceof TimeoutException
                        ? new MqClientException(MqClientException.TIMEOUT, "no reply to request " + correlationId
                                + " within " + timeout.toMillis() + " ms")
                        : error));
        result.whenComplete((view, error) -> WAITING.remove(correlationId, reply));
        return result;
    }

    /** Fails the waiting request (its send failed); no-op when it is no longer waiting. */
    public static void fail(String correlationId, Throwable error) {
        var reply = WAITING.remove(correlationId);
        if (reply != null) {
            reply.completeExceptionally(error);
        }
    }

    /** Completes the request the reply answers; false (and a log line) when none waits for it any more. */
    static boolean complete(String correlationId, MessageView reply, String from) {
        var waiting = correlationId == null ? null : WAITING.remove(correlationId);
        if (waiting == null) {
            log.warn("reply from {} matches no waiting request (correlation id {}): timed out or unknown", from,
                    correlationId);
            return false;
        }
        waiting.complete(reply);
        return true;
    }

    /** How many requests wait now (for tests and metrics). */
    public static int waiting() {
        return WAITING.size();
    }
}
