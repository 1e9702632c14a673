package io.mq.protocol.message;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message as a producer hands it to the broker, before the store gives it offsets, a store time and a store host.
 *
 * @param body the body as sent (already compressed when {@code sysFlag} says so)
 * @param properties unmodifiable, in wire order
 */
public record MessageDraft(
        String topic,
        int queueId,
        int flag,
        byte[] body,
        Map<String, String> properties,
        int sysFlag,
        long bornTimestamp,
        InetSocketAddress bornHost,
        int reconsumeTimes,
        long preparedTransactionOffset) {

    public MessageDraft {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(bornHost, "bornHost");
        body = body == null ? new byte[0] : body;
        if (!(properties instanceof EncodedProperties encoded && encoded.isCanonical())) { // immutable already
            properties = properties == null || properties.isEmpty()
                    ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }
    }

    /** A plain message: no flags, born now at the given host. */
    public static MessageDraft of(String topic, int queueId, byte[] body, Map<String, String> properties,
            InetSocketAddress bornHost) {
        return new MessageDraft(topic, queueId, 0, body, properties, 0, System.currentTimeMillis(), bornHost, 0, 0L);
    }

    public String property(String name) {
        return properties.get(name);
    }

    public String tags() {
        return properties.get(MessageProperties.TAGS);
    }

    public String keys() {
        return properties.get(MessageProperties.KEYS);
    }

    public MessageDraft withTopic(String newTopic) {
        return new MessageDraft(newTopic, queueId, flag, body, properties, sysFlag, bornTimestamp, bornHost,
                reconsumeTimes, preparedTransactionOffset);
    }

    public MessageDraft withQueueId(int newQueueId) {
        return new MessageDraft(topic, newQueueId, flag, body, properties, sysFlag, bornTimestamp, bornHost,
                reconsumeTimes, preparedTransactionOffset);
    }

    public MessageDraft withSysFlag(int newSysFlag) {
        return new MessageDraft(topic, queueId, flag, body, properties, newSysFlag, bornTimestamp, bornHost,
                reconsumeTimes, preparedTransactionOffset);
    }

    public MessageDraft withProperties(Map<String, String> newProperties) {
        return new MessageDraft(topic, queueId, flag, body, newProperties, sysFlag, bornTimestamp, bornHost,
                reconsumeTimes, preparedTransactionOffset);
    }

    /** A copy with one property set (or removed when {@code value} is null). */
    public MessageDraft withProperty(String name, String value) {
        var copy = new LinkedHashMap<>(properties);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return withProperties(copy);
    }

    public MessageDraft withReconsumeTimes(int newReconsumeTimes) {
        return new MessageDraft(topic, queueId, flag, body, properties, sysFlag, bornTimestamp, bornHost,
                newReconsumeTimes, preparedTransactionOffset);
    }

    public MessageDraft withPreparedTransactionOffset(long offset) {
        return new MessageDraft(topic, queueId, flag, body, properties, sysFlag, bornTimestamp, bornHost,
                reconsumeTimes, offset);
    }
}
