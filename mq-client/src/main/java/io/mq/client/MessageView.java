package io.mq.client;

import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.StoredMessage;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A message as read from a broker (pull, view, query, transaction check): the body already uncompressed, the
 * properties as sent, and where it is stored.
 *
 * @param msgId           the producer's unique id (UNIQ_KEY), or the offset id when the producer set none
 * @param offsetMsgId     store host and commit-log offset, the id VIEW_MESSAGE_BY_ID takes
 * @param brokerName      the broker it was read from (null when unknown)
 * @param sysFlag         as stored (the compression bit still set when the body was compressed)
 */
public record MessageView(
        String topic,
        byte[] body,
        Map<String, String> properties,
        String msgId,
        String offsetMsgId,
        String brokerName,
        int queueId,
        long queueOffset,
        long commitLogOffset,
        int flag,
        int sysFlag,
        long bornTimestamp,
        InetSocketAddress bornHost,
        long storeTimestamp,
        InetSocketAddress storeHost,
        int reconsumeTimes,
        long preparedTransactionOffset) {

    public MessageView {
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(properties);
    }

    /** Decodes what the broker stored; the stored message must have been read with its body. */
    public static MessageView of(StoredMessage stored, String brokerName) {
        var offsetId = stored.offsetMsgId();
        var unique = stored.properties().get(MessageProperties.UNIQ_KEY);
        return new MessageView(stored.topic(), BodyCompression.uncompress(stored.body(), stored.sysFlag()),
                stored.properties(), unique != null ? unique : offsetId, offsetId, brokerName, stored.queueId(),
                stored.queueOffset(), stored.commitLogOffset(), stored.flag(), stored.sysFlag(),
                stored.bornTimestamp(), stored.bornHost(), stored.storeTimestamp(), stored.storeHost(),
                stored.reconsumeTimes(), stored.preparedTransactionOffset());
    }

    public String property(String name) {
        return properties.get(name);
    }

    public String tags() {
        return properties.get(MessageProperties.TAGS);
    }

    /** The KEYS property split at spaces; empty when none. */
    public List<String> keys() {
        var keys = properties.get(MessageProperties.KEYS);
        return keys == null || keys.isBlank() ? List.of()
                : Arrays.stream(keys.split(MessageProperties.KEY_SEPARATOR)).filter(k -> !k.isEmpty()).toList();
    }

    /** The transaction id a transactional producer knows the message by: its unique id. */
    public String transactionId() {
        return msgId;
    }

    public String bodyAsString() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MessageView[topic=" + topic + ", msgId=" + msgId + ", queue=" + brokerName + "/" + queueId
                + "@" + queueOffset + ", tags=" + tags() + ", body=" + (body == null ? 0 : body.length) + "B]";
    }
}
