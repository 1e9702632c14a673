package io.mq.spring.core;

import io.mq.client.Message;
import io.mq.client.MessageView;
import java.util.List;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns payloads and Spring {@link org.springframework.messaging.Message}s into MQ messages and received messages
 * into Spring messages. Bodies: {@code byte[]} as is, {@code String} as UTF-8, anything else as JSON; the
 * {@link #payloadConverter()} does the body and the {@link MqHeaderMapper} the headers.
 */
public class MqMessageConverter {

    private final MessageConverter payloadConverter;
    private final MqHeaderMapper headerMapper;

    public MqMessageConverter(MessageConverter payloadConverter, MqHeaderMapper headerMapper) {
        this.payloadConverter = payloadConverter;
        this.headerMapper = headerMapper;
    }

    /** byte[], String and JSON through the given mapper (Boot's JsonMapper bean when there is one). */
    public static MqMessageConverter withJson(JsonMapper jsonMapper) {
        var json = new JacksonJsonMessageConverter(jsonMapper);
        var strings = new StringMessageConverter();
        return new MqMessageConverter(new CompositeMessageConverter(List.of(new ByteArrayMessageConverter(), strings,
                json)), new MqHeaderMapper());
    }

    /** The converter of message bodies; listeners use it too, to turn bodies into parameters. */
    public MessageConverter payloadConverter() {
        return payloadConverter;
    }

    public MqHeaderMapper headerMapper() {
        return headerMapper;
    }

    /** A builder for a message to {@code destination} with the converted payload, keys, tags and properties. */
    public Message.Builder toMessageBuilder(String destination, org.springframework.messaging.Message<?> message) {
        var target = Destination.parse(destination);
        var builder = Message.builder(target.topic()).body(body(message));
        headerMapper.fromHeaders(message.getHeaders(), builder);
        if (target.tag() != null) {
            builder.tags(target.tag());
        }
        return builder;
    }

    /** A builder for a message to {@code destination} whose body is {@code payload} converted. */
    public Message.Builder toMessageBuilder(String destination, Object payload) {
        if (payload instanceof org.springframework.messaging.Message<?> message) {
            return toMessageBuilder(destination, message);
        }
        return toMessageBuilder(destination, MessageBuilder.withPayload(payload).build());
    }

    /** A received message as a Spring message: the body ({@code byte[]}) and every header of {@link MqHeaders}. */
    public org.springframework.messaging.Message<byte[]> toSpringMessage(MessageView view) {
        return MessageBuilder.createMessage(view.body(), new MessageHeaders(headerMapper.toHeaders(view)));
    }

    /** The body of a received message converted to {@code type}. */
    @SuppressWarnings("unchecked")
    public <T> T fromMessage(MessageView view, Class<T> type) {
        if (type == byte[].class) {
            return (T) view.body();
        }
        var converted = payloadConverter.fromMessage(toSpringMessage(view), type);
        if (converted == null) {
            throw new MessageConversionException("cannot convert the body of " + view + " to " + type.getName());
        }
        return (T) converted;
    }

    private byte[] body(org.springframework.messaging.Message<?> message) {
        var payload = message.getPayload();
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        var converted = payloadConverter.toMessage(payload, message.getHeaders());
        if (converted == null || !(converted.getPayload() instanceof byte[] bytes)) {
            throw new MessageConversionException("cannot convert a " + payload.getClass().getName()
                    + " to a message body: no converter produced bytes");
        }
        return bytes;
    }

}
