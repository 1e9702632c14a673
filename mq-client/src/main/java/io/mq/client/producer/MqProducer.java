package io.mq.client.producer;

import io.mq.client.ClientConfig;
import io.mq.client.ClientInstance;
import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.MqClientException;
import io.mq.client.SendResult;
import io.mq.client.TransactionChecker;
import io.mq.client.reply.PendingReplies;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.UniqueIdGenerator;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends messages to the brokers of their topic: sync, async, one-way, to a queue picked by a selector (ordered by
 * key), or as a batch. Thread-safe; one per producer group and client. Failures are {@link MqClientException}s
 * with the broker's response code and remark.
 */
public final class MqProducer implements AutoCloseable {

    private static final UniqueIdGenerator IDS = UniqueIdGenerator.forThisProcess();

    private final ClientInstance client;
    private final ProducerConfig config;
    private final Sender sender;
    private final MessageEncoder encoder;
    private volatile boolean closed;

    private MqProducer(ClientInstance client, ProducerConfig config, TransactionChecker checker) {
        this.client = client;
        this.config = config;
        this.sender = new Sender(client, config);
        this.encoder = new MessageEncoder(config, IDS);
        PendingReplies.enable(client);
        client.registerProducer(config.group(), checker);
    }

    /** A producer on the shared client of {@code clientConfig}. */
    public static MqProducer start(ClientConfig clientConfig, ProducerConfig config) {
        return start(clientConfig, config, null);
    }

    static MqProducer start(ClientConfig clientConfig, ProducerConfig config, TransactionChecker checker) {
        var client = ClientInstance.acquire(clientConfig);
        try {
            return new MqProducer(client, config, checker);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Sends and waits; retries on another broker as {@link ProducerConfig#retries()} allows. */
    public SendResult send(Message message) {
        return sender.sendSync(encode(message, Map.of()));
    }

    /** Sends without blocking the caller; the future fails with an {@link MqClientException}. */
    public CompletableFuture<SendResult> sendAsync(Message message) {
        try {
            return sender.sendAsync(encode(message, Map.of()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Sends without waiting for the broker's answer (throws only when the broker cannot be reached). */
    public void sendOneway(Message message) {
        var outgoing = encode(message, Map.of());
        sender.sendOneway(outgoing, sender.chooseQueue(message.topic()));
    }

    /** Sends to the queue the selector picks, once (a retry elsewhere would break the order it stands for). */
    public SendResult send(Message message, MessageQueueSelector selector, Object arg) {
        var outgoing = encode(message, Map.of());
        return sender.sendToQueue(outgoing, select(message, selector, arg));
    }

    public CompletableFuture<SendResult> sendAsync(Message message, MessageQueueSelector selector, Object arg) {
        try {
            var outgoing = encode(message, Map.of());
            return sender.sendToQueueAsync(outgoing, select(message, selector, arg));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Messages with equal {@code orderKey} go to the same queue, so a consumer sees them in send order. */
    public SendResult sendOrdered(Message message, Object orderKey) {
        return send(message, MessageQueueSelector.byHash(), orderKey);
    }

    /** Sends to this queue, once. */
    public SendResult send(Message message, MessageQueue queue) {
        return sender.sendToQueue(encode(message, Map.of()), queue);
    }

    /**
     * Sends messages of one topic in one request (SEND_BATCH_MESSAGE), stored consecutively in one queue; msgId and
     * offsetMsgId of the result list every message's id, comma-separated.
     */
    public SendResult send(Collection<Message> batch) {
        checkOpen();
        return sender.sendSync(encoder.batch(batch));
    }

    /**
     * Request-reply: sends {@code message} as a request (CORRELATION_ID, REPLY_TO_CLIENT and TTL added) and completes
     * with the reply a responder sends back through the broker, or fails with an {@link MqClientException} (TIMEOUT
     * when no reply comes within {@code timeout}, or the send's failure). The first request to a topic may block
     * while its route is fetched and the brokers learn this client (the reply is pushed to a known connection).
     */
    public CompletableFuture<MessageView> request(Message message, Duration timeout) {
        checkOpen();
        if (client.cachedRoute(message.topic()).isEmpty()) {
            sender.route(message.topic());
            client.sendHeartbeatNow();
        }
        String correlationId = PendingReplies.newCorrelationId();
        var outgoing = encode(message, Map.of(MessageProperties.CORRELATION_ID, correlationId,
                MessageProperties.REPLY_TO_CLIENT, client.clientId(),
                MessageProperties.TTL, String.valueOf(timeout.toMillis())));
        var reply = PendingReplies.await(correlationId, timeout);
        try {
            sender.sendAsync(outgoing).whenComplete((sent, error) -> {
                if (error != null) {
                    PendingReplies.fail(correlationId, error);
                }
            });
        } catch (RuntimeException e) {
            PendingReplies.fail(correlationId, e);
        }
        return reply;
    }

    /** The queues a message of this topic may go to (fetching the route if needed). */
    public List<MessageQueue> publishQueues(String topic) {
        return sender.route(topic).publishQueues();
    }

    public ProducerConfig config() {
        return config;
    }

    public ClientInstance client() {
        return client;
    }

    /** Leaves the group (brokers are told) and releases the shared client. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            client.unregisterProducer(config.group());
        } finally {
            client.close();
        }
    }

    OutgoingMessage encode(Message message, Map<String, String> extra) {
        checkOpen();
        return encoder.single(message, extra);
    }

    Sender sender() {
        return sender;
    }

    private MessageQueue select(Message message, MessageQueueSelector selector, Object arg) {
        var queues = publishQueues(message.topic());
        if (queues.isEmpty()) {
            throw new MqClientException(MqClientException.NO_ROUTE, "topic " + message.topic()
                    + " has no writable queue");
        }
        var queue = selector.select(queues, message, arg);
        if (queue == null) {
            throw new MqClientException(MqClientException.CLIENT_ERROR, "the selector picked no queue for " + message);
        }
        return queue;
    }

    private void checkOpen() {
        if (closed) {
            throw new MqClientException(MqClientException.CLIENT_ERROR, "producer " + config.group() + " is closed");
        }
    }
}
