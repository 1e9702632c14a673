package io.mq.spring.core;

import io.mq.client.Message;
import io.mq.client.MessageView;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.messaging.MessageHeaders;

/**
 * Maps Spring Messaging headers to MQ message properties and back (see {@link MqHeaders}). Only simple values
 * (strings, numbers, booleans, enums) become user properties; Spring's own id, timestamp and content type stay
 * behind, as do names the protocol reserves.
 */
public class MqHeaderMapper {

    private static final Set<String> NOT_MAPPED = Set.of(MessageHeaders.ID, MessageHeaders.TIMESTAMP,
            MessageHeaders.CONTENT_TYPE);

    /** Copies {@code headers} onto the builder: keys, tags, delay, delivery time, then user properties. */
    public void fromHeaders(MessageHeaders headers, Message.Builder builder) {
        var keys = headers.get(MqHeaders.KEYS);
        if (keys instanceof Collection<?> collection) {
            builder.keys(collection.stream().map(String::valueOf).toList());
        } else if (keys != null) {
            builder.keys(String.valueOf(keys).trim().split("\\s+"));
        }
        var tags = headers.get(MqHeaders.TAGS);
        if (tags != null) {
            builder.tags(String.valueOf(tags));
        }
        var level = headers.get(MqHeaders.DELAY_LEVEL);
        if (level != null) {
            builder.delayLevel(level instanceof Number n ? n.intValue() : Integer.parseInt(level.toString()));
        }
        var deliveryTime = headers.get(MqHeaders.DELIVERY_TIME);
        if (deliveryTime instanceof Instant instant) {
            builder.deliverAt(instant);
        } else if (deliveryTime != null) {
            builder.deliverAt(Instant.ofEpochMilli(Long.parseLong(deliveryTime.toString())));
        }
        headers.forEach((name, value) -> {
            if (isUserProperty(name, value)) {
                builder.property(name, value.toString());
            }
        });
    }

    /** The headers of a received message: every {@link MqHeaders} attribute plus its user properties. */
    public Map<String, Object> toHeaders(MessageView view) {
        var headers = new HashMap<String, Object>();
        view.properties().forEach((name, value) -> {
            if (!Message.RESERVED_PROPERTIES.contains(name)) {
                headers.put(name, value);
            }
        });
        putIfNotNull(headers, MqHeaders.KEYS, view.keys().isEmpty() ? null
                : view.keys().stream().collect(Collectors.joining(" ")));
        putIfNotNull(headers, MqHeaders.TAGS, view.tags());
        putIfNotNull(headers, MqHeaders.MESSAGE_ID, view.msgId());
        putIfNotNull(headers, MqHeaders.OFFSET_MESSAGE_ID, view.offsetMsgId());
        putIfNotNull(headers, MqHeaders.TOPIC, view.topic());
        putIfNotNull(headers, MqHeaders.BROKER_NAME, view.brokerName());
        headers.put(MqHeaders.QUEUE_ID, view.queueId());
        headers.put(MqHeaders.QUEUE_OFFSET, view.queueOffset());
        headers.put(MqHeaders.RECONSUME_TIMES, view.reconsumeTimes());
        headers.put(MqHeaders.BORN_TIMESTAMP, view.bornTimestamp());
        headers.put(MqHeaders.STORE_TIMESTAMP, view.storeTimestamp());
        headers.put(MqHeaders.RAW_MESSAGE, view);
        return headers;
    }

    /** Whether a header travels as a user property (override to narrow or widen what is sent). */
    protected boolean isUserProperty(String name, Object value) {
        if (value == null || name.startsWith(MqHeaders.PREFIX) || NOT_MAPPED.contains(name)
                || Message.RESERVED_PROPERTIES.contains(name)) {
            return false;
        }
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Character;
    }

    private static void putIfNotNull(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
