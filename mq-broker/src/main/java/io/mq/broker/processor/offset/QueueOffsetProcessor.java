package io.mq.broker.processor.offset;

import io.mq.broker.store.MessageStore;
import io.mq.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import io.mq.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import io.mq.protocol.header.GetMaxOffsetRequestHeader;
import io.mq.protocol.header.GetMinOffsetRequestHeader;
import io.mq.protocol.header.OffsetResponseHeader;
import io.mq.protocol.header.SearchOffsetRequestHeader;
import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;

/**
 * Where a queue stands (RocketMQ's AdminBrokerProcessor queue-offset parts): SEARCH_OFFSET_BY_TIMESTAMP (29),
 * GET_MAX_OFFSET (30), GET_MIN_OFFSET (31), GET_EARLIEST_MSG_STORETIME (32). Unknown queues answer 0 (-1 for the
 * store time), as RocketMQ does.
 */
public final class QueueOffsetProcessor implements RequestProcessor {

    private final MessageStore store;

    QueueOffsetProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.GET_MAX_OFFSET -> {
                var h = GetMaxOffsetRequestHeader.from(request);
                yield success(request, new OffsetResponseHeader(store.maxOffset(h.topic(), h.queueId())));
            }
            case RequestCode.GET_MIN_OFFSET -> {
                var h = GetMinOffsetRequestHeader.from(request);
                yield success(request, new OffsetResponseHeader(store.minOffset(h.topic(), h.queueId())));
            }
            case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP -> {
                // The store finds the first message at or after the time: the LOWER boundary, 4.x's only one.
                var h = SearchOffsetRequestHeader.from(request);
                yield success(request,
                        new OffsetResponseHeader(store.offsetByTimestamp(h.topic(), h.queueId(), h.timestamp())));
            }
            case RequestCode.GET_EARLIEST_MSG_STORETIME -> {
                var h = GetEarliestMsgStoretimeRequestHeader.from(request);
                long time = store.earliestMessageTime(h.topic(), h.queueId()).orElse(-1);
                yield success(request, new GetEarliestMsgStoretimeResponseHeader(time));
            }
            default -> RemotingCommand.responseTo(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "request code " + request.code() + " is not a queue offset request");
        };
    }

    private static RemotingCommand success(RemotingCommand request, CommandHeader header) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).putHeader(header);
    }
}
