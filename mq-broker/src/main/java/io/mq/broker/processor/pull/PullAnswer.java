package io.mq.broker.processor.pull;

import io.mq.broker.store.GetMessageResult;
import io.mq.broker.store.GetMessageStatus;
import io.mq.protocol.header.PullMessageResponseHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.netty.buffer.ByteBuf;

/**
 * What the store gave for a pull and the response code RocketMQ's PullMessageProcessor gives it. The response
 * carries the stored records as they are: the one buffer the store read them into, wrapped (not copied).
 */
record PullAnswer(int code, GetMessageResult result) {

    /** Master only (no slave to suggest), as RocketMQ's broker answers when slave reading is off. */
    static final long MASTER_ID = 0;

    static PullAnswer of(GetMessageResult result, long requestedOffset) {
        return new PullAnswer(codeOf(result.status(), requestedOffset), result);
    }

    /** RocketMQ 4.9.7's mapping of store outcomes to pull response codes. */
    static int codeOf(GetMessageStatus status, long requestedOffset) {
        return switch (status) {
            case FOUND -> ResponseCode.SUCCESS;
            case MESSAGE_WAS_REMOVING, NO_MATCHED_MESSAGE -> ResponseCode.PULL_RETRY_IMMEDIATELY;
            // an empty or unknown queue: a consumer at 0 simply waits, one elsewhere is told to move
            case NO_MATCHED_LOGIC_QUEUE, NO_MESSAGE_IN_QUEUE ->
                    requestedOffset != 0 ? ResponseCode.PULL_OFFSET_MOVED : ResponseCode.PULL_NOT_FOUND;
            case OFFSET_FOUND_NULL, OFFSET_OVERFLOW_ONE -> ResponseCode.PULL_NOT_FOUND;
            case OFFSET_OVERFLOW_BADLY, OFFSET_TOO_SMALL -> ResponseCode.PULL_OFFSET_MOVED;
        };
    }

    boolean isEmpty() {
        return code == ResponseCode.PULL_NOT_FOUND;
    }

    /**
     * The response to {@code request}; {@code body} (when found: the store's one buffer of stored records as a
     * Netty buffer) is owned by the transport once sent.
     */
    RemotingCommand toResponse(RemotingCommand request, ByteBuf body) {
        var response = RemotingCommand.responseTo(request, code, result.status().name())
                .putHeader(new PullMessageResponseHeader(MASTER_ID, result.nextBeginOffset(), result.minOffset(),
                        result.maxOffset()));
        if (code == ResponseCode.SUCCESS) {
            response.bodyBuf(body);
        }
        return response;
    }
}
