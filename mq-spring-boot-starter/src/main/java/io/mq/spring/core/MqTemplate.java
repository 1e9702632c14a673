package io.mq.spring.core;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.MqClientException;
import io.mq.client.SendResult;
import io.mq.client.producer.MqProducer;
import io.mq.spring.observation.MqObservations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Sends application objects as messages: the payload is converted by the {@link MqMessageConverter} (byte[] and
 * String as they are, anything else as JSON; a Spring {@link org.springframework.messaging.Message} brings its
 * headers, see {@link MqHeaders}). A destination is {@code "topic"} or {@code "topic:tag"}. Failures are unchecked
 * ({@link io.mq.client.MqClientException} with the broker's code and remark); async ones fail the future.
 */
public class MqTemplate {

    private final MqProducer producer;
    private final MqMessageConverter converter;
    private final MqObservations observations;
    private final Supplier<TransactionalSend> transactionalSend;

    public MqTemplate(MqProducer producer, MqMessageConverter converter) {
        this(producer, converter, MqObservations.none(), () -> null);
    }

    /** {@code transactionalSend} supplies the bean behind {@link #sendInTransaction}, or null when there is none. */
    public MqTemplate(MqProducer producer, MqMessageConverter converter, MqObservations observations,
            Supplier<TransactionalSend> transactionalSend) {
        this.producer = producer;
        this.converter = converter;
        this.observations = observations;
        this.transactionalSend = transactionalSend;
    }

    /** Sends and waits for the broker to store the message. */
    public SendResult send(String destination, Object payload) {
        var builder = converter.toMessageBuilder(destination, payload);
        return observed(builder, () -> producer.send(build(builder)));
    }

    /** Sends an MQ message as it is. */
    public SendResult send(Message message) {
        var builder = message.toBuilder();
        return observed(builder, () -> producer.send(build(builder)));
    }

    /** Sends without blocking; the future completes when the broker answers (or fails with the cause). */
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload) {
        Message.Builder builder;
        try {
            builder = converter.toMessageBuilder(destination, payload);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        var topic = builder.build().topic();
        var carrier = new LinkedHashMap<String, String>();
        return observations.sendAsync(topic, group(), carrier,
                () -> producer.sendAsync(withProperties(builder, carrier)));
    }

    /** Sends without waiting for any answer: fastest, but a lost message goes unnoticed. */
    public void sendOneWay(String destination, Object payload) {
        var builder = converter.toMessageBuilder(destination, payload);
        observed(builder, () -> {
            producer.sendOneway(build(builder));
            return null;
        });
    }

    /**
     * Sends to the queue {@code hashKey} maps to, so messages with an equal key are consumed in send order (by an
     * orderly listener). Not retried on another queue: that would break the order.
     */
    public SendResult sendOrderly(String destination, Object payload, Object hashKey) {
        var builder = converter.toMessageBuilder(destination, payload);
        return observed(builder, () -> producer.sendOrdered(build(builder), hashKey));
    }

    /** Delivered after the broker's delay {@code level} (1 = the first level of its table: 1 s by default). */
    public SendResult sendDelayed(String destination, Object payload, int level) {
        if (level < 1) {
            throw new IllegalArgumentException("delay level must be at least 1, got " + level);
        }
        var builder = converter.toMessageBuilder(destination, payload).delayLevel(level);
        return observed(builder, () -> producer.send(build(builder)));
    }

    /** Delivered once {@code delay} has passed (the 5.x timer; the broker must support it, ours does). */
    public SendResult sendDelayed(String destination, Object payload, Duration delay) {
        return sendAt(destination, payload, Instant.now().plus(delay));
    }

    /** Delivered at {@code time} (the 5.x timer). */
    public SendResult sendAt(String destination, Object payload, Instant time) {
        var builder = converter.toMessageBuilder(destination, payload).deliverAt(time);
        return observed(builder, () -> producer.send(build(builder)));
    }

    /**
     * Sends every payload in one request, stored consecutively in one queue; the result lists every id,
     * comma-separated. A batch may not carry delays.
     */
    public SendResult sendBatch(String destination, Collection<?> payloads) {
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one message");
        }
        var builders = payloads.stream().map(p -> converter.toMessageBuilder(destination, p)).toList();
        var topic = Destination.parse(destination).topic();
        var carrier = new LinkedHashMap<String, String>();
        return observations.send(topic, group(), carrier, () -> {
            var messages = new ArrayList<Message>(builders.size());
            builders.forEach(b -> messages.add(withProperties(b, carrier)));
            return producer.send(messages);
        });
    }

    /**
     * Sends as part of the current database transaction: consumers see the message once it commits, never when it
     * rolls back. Needs a {@link TransactionalSend} bean (the starter's transaction support).
     */
    public SendResult sendInTransaction(String destination, Object payload) {
        var delegate = transactionalSend.get();
        if (delegate == null) {
            throw new IllegalStateException("sendInTransaction needs a TransactionalSend bean: put a DataSource and a "
                    + "PlatformTransactionManager in the context so the starter's transaction support configures one "
                    + "(mq.transaction.* settings), or declare your own TransactionalSend bean");
        }
        var builder = converter.toMessageBuilder(destination, payload);
        return observed(builder, () -> delegate.sendInTransaction(build(builder)));
    }

    /**
     * Request-reply: sends {@code payload} as a request and waits up to {@code timeout} for the reply, converted to
     * {@code replyType}. The responder is any RocketMQ request responder, e.g. an {@code @MqListener} method that
     * returns a value. Throws {@link io.mq.client.MqClientException} (TIMEOUT when no reply came in time).
     */
    public <T> T sendAndReceive(String destination, Object payload, Class<T> replyType, Duration timeout) {
        var builder = converter.toMessageBuilder(destination, payload);
        var reply = observed(builder, () -> awaitReply(producer.request(build(builder), timeout)));
        return converter.fromMessage(reply, replyType);
    }

    private static MessageView awaitReply(CompletableFuture<MessageView> reply) {
        try {
            // the future fails with a TIMEOUT MqClientException at the request's own deadline
            return reply.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new MqClientException(MqClientException.CLIENT_ERROR, "request failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply.cancel(false);
            throw new MqClientException(MqClientException.CLIENT_ERROR, "interrupted while waiting for a reply");
        }
    }

    public MqProducer producer() {
        return producer;
    }

    public MqMessageConverter converter() {
        return converter;
    }

    private <T> T observed(Message.Builder builder, Supplier<T> send) {
        var topic = builder.build().topic();
        var carrier = new LinkedHashMap<String, String>();
        return observations.send(topic, group(), carrier, () -> {
            withProperties(builder, carrier);
            return send.get();
        });
    }

    private static Message withProperties(Message.Builder builder, Map<String, String> carrier) {
        carrier.forEach(builder::property);
        return builder.build();
    }

    private static Message build(Message.Builder builder) {
        return builder.build();
    }

    private String group() {
        return producer.config().group();
    }
}
