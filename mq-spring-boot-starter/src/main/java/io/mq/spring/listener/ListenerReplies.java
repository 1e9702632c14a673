package io.mq.spring.listener;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.producer.MqProducer;
import io.mq.client.reply.ReplyMessages;
import io.mq.protocol.message.MessageProperties;
import io.mq.spring.core.MqMessageConverter;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what an {@code @MqListener} method returned back to the requester, when the message it handled is a request
 * ({@code MqTemplate.sendAndReceive} or any RocketMQ request: REPLY_TO_CLIENT and CORRELATION_ID set). The value is
 * converted as {@code MqTemplate} converts payloads. A failed reply is logged, not redelivered: the requester has
 * usually gone (timed out), and handling the request again would not bring it back.
 */
final class ListenerReplies {

    private static final Logger log = LoggerFactory.getLogger(ListenerReplies.class);

    private final MqMessageConverter converter;
    private final Supplier<MqProducer> producer;

    /** @param producer the producer replies go out with, looked up on the first reply (null when there is none) */
    ListenerReplies(MqMessageConverter converter, Supplier<MqProducer> producer) {
        this.converter = converter;
        this.producer = producer;
    }

    void replyIfRequested(MessageView request, Object result, String listener) {
        if (result == null || !ReplyMessages.isRequest(request)) {
            return;
        }
        var sender = producer.get();
        if (sender == null) {
            log.warn("{} returned a reply to request {}, but there is no MqProducer to send it with", listener,
                    request.msgId());
            return;
        }
        try {
            sender.send(reply(request, result));
        } catch (RuntimeException e) {
            log.warn("reply of {} to request {} (correlation id {}) was not delivered: {}", listener, request.msgId(),
                    request.property(MessageProperties.CORRELATION_ID), e.toString());
        }
    }

    private Message reply(MessageView request, Object result) {
        var reply = ReplyMessages.replyTo(request, new byte[0]);
        var converted = converter.toMessageBuilder(reply.topic(), result).build();
        var builder = reply.toBuilder().body(converted.body());
        // headers the converter adds (content type, user headers of a returned Spring message) travel with the reply
        converted.properties().forEach((name, value) -> {
            if (reply.property(name) == null) {
                builder.system(name, value);
            }
        });
        return builder.build();
    }
}
