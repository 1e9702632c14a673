package io.mq.client.producer;

import io.mq.client.BodyCompression;
import io.mq.client.Message;
import io.mq.client.MqClientException;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.message.UniqueIdGenerator;
import io.mq.protocol.remoting.ResponseCode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns messages into what goes on the wire, as the official producer does: checks (topic name, body size), a
 * fresh UNIQ_KEY, zlib compression from the threshold on, the prepared-transaction flag for half messages, and
 * for a batch the items encoded one after another.
 */
final class MessageEncoder {

    private static final int MAX_TOPIC_LENGTH = 127;
    private static final String RETRY_PREFIX = "%RETRY%";
    private static final InetSocketAddress NO_HOST = new InetSocketAddress(0);

    private final ProducerConfig config;
    private final UniqueIdGenerator ids;

    MessageEncoder(ProducerConfig config, UniqueIdGenerator ids) {
        this.config = config;
        this.ids = ids;
    }

    /** One message; {@code extra} properties (e.g. TRAN_MSG, PGROUP) are added last. */
    OutgoingMessage single(Message message, Map<String, String> extra) {
        checkTopic(message.topic());
        checkBody(message.body().length, message.body().length == 0);
        if (extra.isEmpty() && !message.topic().startsWith(RETRY_PREFIX)
                && !message.properties().containsKey(MessageProperties.UNIQ_KEY)) {
            return plain(message);
        }
        var properties = new LinkedHashMap<>(message.properties());
        properties.putAll(extra);
        var uniqueId = ids.next();
        properties.put(MessageProperties.UNIQ_KEY, uniqueId);
        Integer reconsumeTimes = null;
        Integer maxReconsumeTimes = null;
        if (message.topic().startsWith(RETRY_PREFIX)) {
            // the official client moves these two into the header for retry topics
            reconsumeTimes = parse(properties.remove(MessageProperties.RECONSUME_TIME));
            maxReconsumeTimes = parse(properties.remove(MessageProperties.MAX_RECONSUME_TIMES));
        }
        int sysFlag = 0;
        var body = message.body();
        if (body.length >= config.compressThreshold()) {
            body = BodyCompression.compress(body, config.compressLevel());
            sysFlag |= BodyCompression.ZLIB_SYS_FLAG;
        }
        if (Boolean.parseBoolean(properties.get(MessageProperties.TRANSACTION_PREPARED))) {
            sysFlag |= MessageSysFlag.TRANSACTION_PREPARED_TYPE;
        }
        return new OutgoingMessage(message.topic(), body, sysFlag, message.flag(),
                MessageProperties.encode(properties), uniqueId, false, reconsumeTimes, maxReconsumeTimes);
    }

    /**
     * The common case of {@link #single}, without the copy of the property map: nothing to add but the unique id
     * (which goes last, as a put into the copy would have put it), nothing to move into the header.
     */
    private OutgoingMessage plain(Message message) {
        var uniqueId = ids.next();
        int sysFlag = 0;
        var body = message.body();
        if (body.length >= config.compressThreshold()) {
            body = BodyCompression.compress(body, config.compressLevel());
            sysFlag |= BodyCompression.ZLIB_SYS_FLAG;
        }
        if (Boolean.parseBoolean(message.property(MessageProperties.TRANSACTION_PREPARED))) {
            sysFlag |= MessageSysFlag.TRANSACTION_PREPARED_TYPE;
        }
        return new OutgoingMessage(message.topic(), body, sysFlag, message.flag(),
                withUniqueId(message.properties(), uniqueId), uniqueId, false, null, null);
    }

    /** {@code MessageProperties.encode} of the properties followed by UNIQ_KEY, in one exactly sized builder. */
    private static String withUniqueId(Map<String, String> properties, String uniqueId) {
        int length = MessageProperties.UNIQ_KEY.length() + 1 + uniqueId.length();
        for (var property : properties.entrySet()) {
            length += property.getKey().length() + property.getValue().length() + 2;
        }
        var text = new StringBuilder(length);
        for (var property : properties.entrySet()) {
            text.append(property.getKey()).append(MessageProperties.NAME_VALUE_SEPARATOR).append(property.getValue())
                    .append(MessageProperties.PROPERTY_SEPARATOR);
        }
        return text.append(MessageProperties.UNIQ_KEY).append(MessageProperties.NAME_VALUE_SEPARATOR).append(uniqueId)
                .toString();
    }

    /**
     * A batch: one topic, no delay, no retry topic, one WAIT setting, as the official client demands. Not
     * compressed (the official client does not compress batches either).
     */
    OutgoingMessage batch(Collection<Message> messages) {
        if (messages.isEmpty()) {
            throw refused("a batch needs at least one message");
        }
        var first = messages.iterator().next();
        checkTopic(first.topic());
        var drafts = new ArrayList<MessageDraft>(messages.size());
        var uniqueIds = new StringBuilder();
        for (var message : messages) {
            if (!message.topic().equals(first.topic())) {
                throw refused("all messages of a batch must have one topic: " + first.topic() + " and "
                        + message.topic());
            }
            if (message.delayLevel() > 0 || message.deliveryTime().isPresent()) {
                throw refused("delayed messages cannot be sent in a batch");
            }
            if (message.waitStoreMsgOk() != first.waitStoreMsgOk()) {
                throw refused("all messages of a batch must have the same waitStoreMsgOk");
            }
            checkBody(message.body().length, message.body().length == 0);
            var properties = new LinkedHashMap<>(message.properties());
            var uniqueId = ids.next();
            properties.put(MessageProperties.UNIQ_KEY, uniqueId);
            uniqueIds.append(uniqueIds.isEmpty() ? "" : ",").append(uniqueId);
            drafts.add(new MessageDraft(first.topic(), 0, message.flag(), message.body(), properties, 0, 0L, NO_HOST,
                    0, 0L));
        }
        if (first.topic().startsWith(RETRY_PREFIX)) {
            throw refused("retry topics cannot take batches");
        }
        var body = MessageCodec.encodeBatch(drafts);
        checkBody(body.length, false);
        // Only WAIT goes in the batch header: brokers append the header's properties to every item, so a batch-level
        // UNIQ_KEY would replace the items' own ids.
        var batchProperties = Map.of(MessageProperties.WAIT_STORE_MSG_OK, String.valueOf(first.waitStoreMsgOk()));
        return new OutgoingMessage(first.topic(), body, 0, 0, MessageProperties.encode(batchProperties),
                uniqueIds.toString(), true, null, null);
    }

    private void checkTopic(String topic) {
        if (topic.isEmpty() || topic.length() > MAX_TOPIC_LENGTH || !validTopicCharacters(topic)) {
            throw refused("topic '" + topic + "' is not valid: 1 to " + MAX_TOPIC_LENGTH
                    + " characters of [%|a-zA-Z0-9_-]");
        }
    }

    /** Whether every character is one of [%|a-zA-Z0-9_-] (a loop: a regex match per send showed in profiles). */
    private static boolean validTopicCharacters(String topic) {
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '%' || c == '|' || c == '_' || c == '-';
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    private void checkBody(int length, boolean empty) {
        if (empty) {
            throw new MqClientException(ResponseCode.MESSAGE_ILLEGAL, "the message body is empty");
        }
        if (length > config.maxMessageSize()) {
            throw new MqClientException(ResponseCode.MESSAGE_ILLEGAL, "the message body is " + length
                    + " bytes, over the maximum of " + config.maxMessageSize());
        }
    }

    private static Integer parse(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    private static MqClientException refused(String why) {
        return new MqClientException(MqClientException.CLIENT_ERROR, why);
    }
}
