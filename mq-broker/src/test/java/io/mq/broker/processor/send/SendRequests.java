package io.mq.broker.processor.send;

import io.mq.protocol.header.SendMessageRequestHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Send requests as the official client builds them, for tests that talk to a broker over TCP. */
public final class SendRequests {

    private SendRequests() {
    }

    /** A header for {@code topic} and {@code queueId} with the client's defaults (TBW102, 4 default queues). */
    public static SendMessageRequestHeader header(String topic, int queueId, Map<String, String> properties) {
        return new SendMessageRequestHeader("test-producer", topic, "TBW102", 4, queueId, 0,
                System.currentTimeMillis(), 0, MessageProperties.encode(properties), 0, false, null, false, null);
    }

    /** SEND_MESSAGE_V2 (single-letter header), as 4.x and 5.x clients send. */
    public static RemotingCommand v2(SendMessageRequestHeader header, byte[] body) {
        return RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, header.toV2()).body(body);
    }

    /** SEND_MESSAGE with long header names, as old clients send. */
    public static RemotingCommand v1(SendMessageRequestHeader header, byte[] body) {
        return RemotingCommand.request(RequestCode.SEND_MESSAGE, header).body(body);
    }

    /** A plain V2 send of a text body with a tag. */
    public static RemotingCommand text(String topic, int queueId, String tag, String body) {
        var properties = new LinkedHashMap<String, String>();
        properties.put(MessageProperties.TAGS, tag);
        properties.put(MessageProperties.WAIT_STORE_MSG_OK, "true");
        return v2(header(topic, queueId, properties), body.getBytes(StandardCharsets.UTF_8));
    }

    /** SEND_BATCH_MESSAGE: the items encoded one after another, topic and queue in the header. */
    public static RemotingCommand batch(String topic, int queueId, List<MessageDraft> items) {
        var header = header(topic, queueId, Map.of(MessageProperties.WAIT_STORE_MSG_OK, "true"));
        var v2 = new SendMessageRequestHeader(header.producerGroup(), topic, header.defaultTopic(),
                header.defaultTopicQueueNums(), queueId, 0, header.bornTimestamp(), 0, header.properties(), 0, false,
                null, true, null).toV2();
        return RemotingCommand.request(RequestCode.SEND_BATCH_MESSAGE, v2).body(MessageCodec.encodeBatch(items));
    }

    /** One batch item (only flag, body and properties travel). */
    public static MessageDraft item(String body, Map<String, String> properties) {
        return MessageDraft.of("ignored", 0, body.getBytes(StandardCharsets.UTF_8), properties,
                new InetSocketAddress("127.0.0.1", 1));
    }
}
