package io.mq.protocol.message;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * One message decoded from the stored (and pulled) encoding: every field of the layout.
 *
 * @param body null when decoded without the body; otherwise as stored (still compressed if the flag says so)
 * @param properties unmodifiable
 */
public record StoredMessage(
        int storeSize,
        int bodyCrc,
        int queueId,
        int flag,
        long queueOffset,
        long commitLogOffset,
        int sysFlag,
        long bornTimestamp,
        InetSocketAddress bornHost,
        long storeTimestamp,
        InetSocketAddress storeHost,
        int reconsumeTimes,
        long preparedTransactionOffset,
        int bodyLength,
        byte[] body,
        String topic,
        Map<String, String> properties) {

    public String property(String name) {
        return properties.get(name);
    }

    public String tags() {
        return properties.get(MessageProperties.TAGS);
    }

    public String keys() {
        return properties.get(MessageProperties.KEYS);
    }

    /** The producer-made unique id ({@code UNIQ_KEY}), null if the producer set none. */
    public String uniqueKey() {
        return properties.get(MessageProperties.UNIQ_KEY);
    }

    /** The offset message id: store host and commit-log offset as upper-case hex. */
    public String offsetMsgId() {
        return MessageId.encode(storeHost, commitLogOffset);
    }

    public int transactionType() {
        return MessageSysFlag.transactionType(sysFlag);
    }

    /** Whether the stored body CRC matches the body; always false when the body was not read. */
    public boolean bodyCrcMatches() {
        return body != null && MessageCodec.bodyCrc(body) == bodyCrc;
    }

    /** The message as a draft again (same topic, queue, body, properties): used to re-put it elsewhere. */
    public MessageDraft toDraft() {
        return new MessageDraft(topic, queueId, flag, body, properties, sysFlag, bornTimestamp, bornHost,
                reconsumeTimes, preparedTransactionOffset);
    }
}
