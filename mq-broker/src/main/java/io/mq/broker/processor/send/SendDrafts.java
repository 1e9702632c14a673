package io.mq.broker.processor.send;

import io.mq.broker.topic.TopicDefinition;
import io.mq.broker.topic.TopicFilterType;
import io.mq.protocol.header.SendMessageRequestHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageFormatException;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.message.StoredProperties;
import io.mq.protocol.remoting.ProtocolException;
import io.mq.protocol.remoting.ResponseCode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a send request into the drafts the store appends, as RocketMQ's send processor fills its
 * MessageExtBrokerInner: born host from the connection, the cluster name added as a property, the multi-tag flag
 * from the topic, and the default {@code WAIT=true} dropped (it only costs bytes; {@code WAIT=false} is kept, the
 * store reads it).
 */
final class SendDrafts {
    /** Parsed producer addresses: a connection sends many messages from one address ("ip:port"). */
    private static final Map<String, InetSocketAddress> BORN_HOSTS = new ConcurrentHashMap<>();
    private static final int MAX_BORN_HOSTS = 4096;

    private final String clusterName;

    SendDrafts(String clusterName) {
        this.clusterName = clusterName;
    }

    /** The one message of a SEND_MESSAGE / SEND_MESSAGE_V2 request. */
    MessageDraft single(SendMessageRequestHeader header, TopicDefinition topic, int queueId, byte[] body,
            String producerAddress) {
        var properties = StoredProperties.of(header.properties(), clusterName);
        return new MessageDraft(header.topic(), queueId, header.flag(), body, properties, sysFlag(header, topic),
                header.bornTimestamp(), bornHost(producerAddress), reconsumeTimes(header), 0L);
    }

    /**
     * The messages of a SEND_BATCH_MESSAGE request: each item's flag, body and properties, the rest from the
     * header. Throws {@link ProtocolException} (MESSAGE_ILLEGAL) for a body that does not parse as a batch.
     */
    List<MessageDraft> batch(SendMessageRequestHeader header, TopicDefinition topic, int queueId, byte[] body,
            String producerAddress) {
        var template = single(header, topic, queueId, new byte[0], producerAddress);
        try {
            var drafts = MessageCodec.decodeBatch(ByteBuffer.wrap(body), template);
            if (drafts.isEmpty()) {
                throw new ProtocolException(ResponseCode.MESSAGE_ILLEGAL, "the batch to topic[" + header.topic()
                        + "] holds no message");
            }
            return drafts.stream().map(SendDrafts::withoutDefaultWait).toList();
        } catch (MessageFormatException e) {
            throw new ProtocolException(ResponseCode.MESSAGE_ILLEGAL, "the batch to topic[" + header.topic()
                    + "] is malformed: " + e.getMessage(), e);
        }
    }

    private static MessageDraft withoutDefaultWait(MessageDraft draft) {
        return "true".equals(draft.property(MessageProperties.WAIT_STORE_MSG_OK))
                ? draft.withProperty(MessageProperties.WAIT_STORE_MSG_OK, null) : draft;
    }

    private static int sysFlag(SendMessageRequestHeader header, TopicDefinition topic) {
        int sysFlag = header.sysFlag();
        if (topic.topicFilterType() == TopicFilterType.MULTI_TAG) {
            sysFlag |= MessageSysFlag.MULTI_TAGS;
        }
        return sysFlag;
    }

    private static int reconsumeTimes(SendMessageRequestHeader header) {
        return header.reconsumeTimes() == null ? 0 : header.reconsumeTimes();
    }

    /** The connection's "ip:port" (IPv6 without brackets) as an address; literal IPs need no lookup. */
    static InetSocketAddress bornHost(String address) {
        var known = BORN_HOSTS.get(address);
        if (known != null) {
            return known;
        }
        if (BORN_HOSTS.size() >= MAX_BORN_HOSTS) {
            BORN_HOSTS.clear(); // connections come and go; never let the cache grow with them
        }
        var parsed = parseBornHost(address);
        BORN_HOSTS.put(address, parsed);
        return parsed;
    }

    private static InetSocketAddress parseBornHost(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not an ip:port address: " + address);
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(address.substring(colon + 1)));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an ip:port address: " + address, e);
        }
    }
}
