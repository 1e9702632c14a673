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
import java.util.regex.Pattern;

/**
 * Turns messages into what goes on the wire, as the official producer does: checks (topic name, body size), a
 * fresh UNIQ_KEY, zlib compression from the threshold on, the prepared-transaction flag for half messages, and
 * for a batch the items encoded one after another.
 */
final class MessageEncoder {

    private static final Pattern TOPIC = Pattern.compile("^[%|a-zA-Z0-9_-]+$");
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
        if (topic.isEmpty() || topic.length() > MAX_TOPIC_LENGTH || !TOPIC.matcher(topic).matches()) {
            throw refused("topic '" + topic + "' is not valid: 1 to " + MAX_TOPIC_LENGTH
                    + " characters of [%|a-zA-Z0-9_-]");
        }
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
