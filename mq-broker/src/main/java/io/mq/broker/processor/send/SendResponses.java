package io.mq.broker.processor.send;

import io.mq.broker.store.AppendResult;
import io.mq.protocol.header.SendMessageResponseHeader;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;

/**
 * The answers of the send path. Every one carries {@code MSG_REGION} and {@code TRACE_ON}, which the official
 * client reads into its SendResult; a stored message adds msgId, queueId, queueOffset and transactionId.
 */
final class SendResponses {

    static final String DEFAULT_REGION = "DefaultRegion";

    private final int maxMessageSize;

    /** @param maxMessageSize named when the store refuses a message as illegal */
    SendResponses(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    RemotingCommand refused(Refusal refusal) {
        return base(refusal.code(), refusal.remark());
    }

    /**
     * The answer to an append: SUCCESS or FLUSH_DISK_TIMEOUT (stored either way, so the client gets the ids),
     * MESSAGE_ILLEGAL or SERVICE_NOT_AVAILABLE (nothing stored).
     *
     * @param queueId       the queue the producer was told (RocketMQ answers it even when the message was re-routed)
     * @param transactionId the message's unique key, or null
     */
    RemotingCommand appended(AppendResult result, int queueId, String transactionId) {
        return switch (result.status()) {
            case OK -> stored(ResponseCode.SUCCESS, null, result, queueId, transactionId);
            case FLUSH_DISK_TIMEOUT -> stored(ResponseCode.FLUSH_DISK_TIMEOUT,
                    "stored, but the flush to disk did not finish in time", result, queueId, transactionId);
            case MESSAGE_ILLEGAL -> base(ResponseCode.MESSAGE_ILLEGAL, "the message is illegal: the body is over "
                    + maxMessageSize + " bytes, the properties over 32767 bytes, or the batch does not fit a segment");
            case SERVICE_NOT_AVAILABLE -> base(ResponseCode.SERVICE_NOT_AVAILABLE,
                    "service not available now: the message store is shut down or not yet started");
        };
    }

    RemotingCommand failed(Throwable error) {
        return base(ResponseCode.SYSTEM_ERROR, "storing the message failed: " + error);
    }

    private RemotingCommand stored(int code, String remark, AppendResult result, int queueId, String transactionId) {
        return base(code, remark).putHeader(new SendMessageResponseHeader(result.msgId(), queueId,
                result.queueOffset(), transactionId, null));
    }

    private static RemotingCommand base(int code, String remark) {
        return RemotingCommand.response(code, remark)
                .putExt(MessageProperties.MSG_REGION, DEFAULT_REGION)
                .putExt(MessageProperties.TRACE_SWITCH, "true");
    }
}
