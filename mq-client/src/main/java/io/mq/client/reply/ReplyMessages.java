package io.mq.client.reply;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.protocol.message.MessageProperties;

/**
 * The responder's side: builds the reply to a request message, as RocketMQ's MessageUtil.createReplyMessage. Send
 * it with any {@code MqProducer}: a message marked MSG_TYPE=reply goes out as SEND_REPLY_MESSAGE_V2, and the broker
 * pushes it to the requester.
 */
public final class ReplyMessages {

    /** The MSG_TYPE value of a reply (RocketMQ's MixAll.REPLY_MESSAGE_FLAG). */
    public static final String REPLY_MESSAGE_TYPE = "reply";
    private static final String REPLY_TOPIC_SUFFIX = "_REPLY_TOPIC";

    private ReplyMessages() {
    }

    /** Whether {@code message} is a request someone waits a reply for (it names its requester and correlation id). */
    public static boolean isRequest(MessageView message) {
        return message.property(MessageProperties.REPLY_TO_CLIENT) != null
                && message.property(MessageProperties.CORRELATION_ID) != null;
    }

    /**
     * The reply to {@code request} carrying {@code body}, to the reply topic of the request's cluster.
     *
     * @throws IllegalArgumentException when the request has no CLUSTER property (it was not read from a broker)
     */
    public static Message replyTo(MessageView request, byte[] body) {
        String cluster = request.property(MessageProperties.CLUSTER);
        if (cluster == null) {
            throw new IllegalArgumentException("cannot reply to " + request.msgId() + ": property "
                    + MessageProperties.CLUSTER + " is missing");
        }
        return Message.builder(cluster + REPLY_TOPIC_SUFFIX).body(body)
                .system(MessageProperties.MESSAGE_TYPE, REPLY_MESSAGE_TYPE)
                .system(MessageProperties.CORRELATION_ID, request.property(MessageProperties.CORRELATION_ID))
                .system(MessageProperties.REPLY_TO_CLIENT, request.property(MessageProperties.REPLY_TO_CLIENT))
                .system(MessageProperties.TTL, request.property(MessageProperties.TTL))
                .build();
    }

    /** Whether an encoded properties string marks a reply (sent with SEND_REPLY_MESSAGE_V2); cheap for others. */
    public static boolean isReply(String encodedProperties) {
        return encodedProperties != null
                && encodedProperties.contains(MessageProperties.MESSAGE_TYPE + MessageProperties.NAME_VALUE_SEPARATOR)
                && REPLY_MESSAGE_TYPE.equals(MessageProperties.decode(encodedProperties)
                        .get(MessageProperties.MESSAGE_TYPE));
    }
}
