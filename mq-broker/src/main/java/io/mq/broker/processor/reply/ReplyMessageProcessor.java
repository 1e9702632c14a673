package io.mq.broker.processor.reply;

import io.mq.broker.store.MessageStore;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.header.ReplyMessageRequestHeader;
import io.mq.protocol.header.SendMessageRequestHeader;
import io.mq.protocol.header.SendMessageResponseHeader;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEND_REPLY_MESSAGE (324) and SEND_REPLY_MESSAGE_V2 (325), as RocketMQ's ReplyMessageProcessor answers them: the
 * reply is pushed to the connection of the client named by REPLY_TO_CLIENT; the responder learns whether the push
 * worked (SUCCESS with msgId "0", or SYSTEM_ERROR saying why: requester gone, no REPLY_TO_CLIENT, push refused).
 * A copy is appended to the reply topic either way, as RocketMQ does by default (storeReplyMessageEnable).
 */
public final class ReplyMessageProcessor implements RequestProcessor {

    static final long DEFAULT_PUSH_TIMEOUT_MILLIS = 3_000;

    private static final Logger log = LoggerFactory.getLogger(ReplyMessageProcessor.class);

    private final TopicRegistry topics;
    private final MessageStore store;
    private final RequesterChannels requesters;
    private final int maxMessageSize;
    private final long pushTimeoutMillis;

    ReplyMessageProcessor(TopicRegistry topics, MessageStore store, RequesterChannels requesters, int maxMessageSize,
            long pushTimeoutMillis) {
        this.topics = topics;
        this.store = store;
        this.requesters = requesters;
        this.maxMessageSize = maxMessageSize;
        this.pushTimeoutMillis = pushTimeoutMillis;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        var header = SendMessageRequestHeader.from(request);
        byte[] body = request.body() == null ? new byte[0] : request.body();
        var topic = topics.get(header.topic()).orElse(null);
        if (topic == null) {
            return response(ResponseCode.TOPIC_NOT_EXIST, "reply topic[" + header.topic() + "] not exist");
        }
        if (!topic.isWritable()) {
            return response(ResponseCode.NO_PERMISSION, "the topic[" + header.topic() + "] is not writeable");
        }
        if (body.length > maxMessageSize) {
            return response(ResponseCode.MESSAGE_ILLEGAL, "the message body size " + body.length
                    + " is over the max size " + maxMessageSize);
        }
        int queueId = header.queueId() < 0 || header.queueId() >= topic.writeQueueNums()
                ? ThreadLocalRandom.current().nextInt(topic.writeQueueNums()) : header.queueId();
        var properties = MessageProperties.decode(header.properties());
        String requester = properties.get(MessageProperties.REPLY_TO_CLIENT);
        keepCopy(header, queueId, body, properties, channel);
        if (requester == null) {
            log.warn("reply from {} to topic {} has no {}; nothing to push", channel.remoteAddress(), header.topic(),
                    MessageProperties.REPLY_TO_CLIENT);
            return response(ResponseCode.SYSTEM_ERROR, "reply message properties[" + MessageProperties.REPLY_TO_CLIENT
                    + "] is null");
        }
        var target = requesters.find(requester);
        if (target.isEmpty()) {
            log.warn("reply {} from {} dropped: requester {} is not connected",
                    properties.get(MessageProperties.CORRELATION_ID), channel.remoteAddress(), requester);
            return response(ResponseCode.SYSTEM_ERROR, "push reply message fail, channel of <" + requester
                    + "> not found.");
        }
        properties.put(MessageProperties.PUSH_REPLY_TIME, String.valueOf(System.currentTimeMillis()));
        var push = RemotingCommand.request(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT,
                ReplyMessageRequestHeader.of(header, MessageProperties.encode(properties), channel.remoteAddress(),
                        channel.localAddress(), System.currentTimeMillis())).body(body);
        target.get().invoke(push, pushTimeoutMillis).whenComplete((answer, error) ->
                channel.reply(request, pushed(requester, queueId, answer, error)));
        return null;
    }

    private RemotingCommand pushed(String requester, int queueId, RemotingCommand answer, Throwable error) {
        if (error == null && answer.code() == ResponseCode.SUCCESS) {
            // RocketMQ answers msgId "0" and offset 0: the client decodes them, and the copy's position is not the point.
            return response(ResponseCode.SUCCESS, null)
                    .putHeader(new SendMessageResponseHeader("0", queueId, 0L, null, null));
        }
        if (error != null) {
            log.warn("push of a reply to {} failed", requester, error);
        } else {
            log.warn("push of a reply to {} refused: {} {}", requester, answer.code(), answer.remark());
        }
        return response(ResponseCode.SYSTEM_ERROR, "push reply message to " + requester + " fail.");
    }

    private void keepCopy(SendMessageRequestHeader header, int queueId, byte[] body,
            Map<String, String> properties, RemoteChannel responder) {
        var draft = new MessageDraft(header.topic(), queueId, header.flag(), body, new LinkedHashMap<>(properties),
                header.sysFlag(), header.bornTimestamp(), address(responder.remoteAddress()),
                header.reconsumeTimes() == null ? 0 : header.reconsumeTimes(), 0L);
        store.append(draft).whenComplete((result, error) -> {
            if (error != null) {
                log.warn("keeping a copy of a reply in {} failed", header.topic(), error);
            }
        });
    }

    private static RemotingCommand response(int code, String remark) {
        return RemotingCommand.response(code, remark)
                .putExt(MessageProperties.MSG_REGION, "DefaultRegion")
                .putExt(MessageProperties.TRACE_SWITCH, "true");
    }

    /** The connection's "ip:port" (literal IP, so no lookup) as the born host of the stored copy. */
    private static InetSocketAddress address(String address) {
        int colon = address.lastIndexOf(':');
        String host = address.substring(0, colon).replace("[", "").replace("]", "");
        try {
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(address.substring(colon + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an ip:port address: " + address, e);
        }
    }
}
