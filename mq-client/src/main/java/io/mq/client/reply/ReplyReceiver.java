package io.mq.client.reply;

import io.mq.client.BodyCompression;
import io.mq.client.MessageView;
import io.mq.protocol.header.ReplyMessageRequestHeader;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;
import java.net.InetSocketAddress;

/**
 * PUSH_REPLY_MESSAGE_TO_CLIENT (326): turns the pushed reply into a {@link MessageView} (body uncompressed, ARRIVE_TIME
 * added, as the official client does) and hands it to the request waiting for it. Answers SUCCESS even when no
 * request waits any more (RocketMQ does too: the broker cannot do better).
 */
final class ReplyReceiver implements RequestProcessor {

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        var header = ReplyMessageRequestHeader.from(request);
        var properties = MessageProperties.decode(header.properties());
        properties.put(MessageProperties.REPLY_MESSAGE_ARRIVE_TIME, String.valueOf(System.currentTimeMillis()));
        byte[] body = request.body() == null ? new byte[0] : BodyCompression.uncompress(request.body(), header.sysFlag());
        var view = new MessageView(header.topic(), body, properties, properties.get(MessageProperties.UNIQ_KEY), null,
                null, header.queueId(), 0L, 0L, header.flag(), header.sysFlag(), header.bornTimestamp(),
                address(header.bornHost()), header.storeTimestamp(), address(header.storeHost()),
                header.reconsumeTimes() == null ? 0 : header.reconsumeTimes(), 0L);
        PendingReplies.complete(properties.get(MessageProperties.CORRELATION_ID), view, header.bornHost());
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    /** "ip:port" as an unresolved address: no lookup on the receiving thread. */
    private static InetSocketAddress address(String hostPort) {
        if (hostPort == null || hostPort.lastIndexOf(':') <= 0) {
            return null;
        }
        int colon = hostPort.lastIndexOf(':');
        try {
            return InetSocketAddress.createUnresolved(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
