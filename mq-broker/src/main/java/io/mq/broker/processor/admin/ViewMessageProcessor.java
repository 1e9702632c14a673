package io.mq.broker.processor.admin;

import io.mq.broker.store.MessageStore;
import io.mq.protocol.header.ViewMessageRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;
import io.netty.buffer.Unpooled;

/** VIEW_MESSAGE_BY_ID (33): the message at a commit-log offset (decoded from an offset message id), as stored. */
final class ViewMessageProcessor implements RequestProcessor {

    private final MessageStore store;

    ViewMessageProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        long offset = ViewMessageRequestHeader.from(request).offset();
        var message = store.selectMessage(offset);
        if (message.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                    "can not find message by the offset, " + offset);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .bodyBuf(Unpooled.wrappedBuffer(message.get()));
    }
}
