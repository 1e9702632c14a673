package io.mq.broker.processor.lock;

import io.mq.protocol.body.LockBatchRequestBody;
import io.mq.protocol.body.LockBatchResponseBody;
import io.mq.protocol.body.UnlockBatchRequestBody;
import io.mq.protocol.remoting.ProtocolException;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;

/** LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42): an orderly consumer takes or gives up message queues. */
public final class QueueLockProcessor implements RequestProcessor {

    private final QueueLockRegistry locks;

    public QueueLockProcessor(QueueLockRegistry locks) {
        this.locks = locks;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.LOCK_BATCH_MQ -> lock(request);
            case RequestCode.UNLOCK_BATCH_MQ -> unlock(request);
            default -> throw new ProtocolException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "not a lock request: " + request.code());
        };
    }

    private RemotingCommand lock(RemotingCommand request) {
        var body = LockBatchRequestBody.decode(requireBody(request));
        var granted = locks.tryLockBatch(body.consumerGroup(), body.mqSet(), body.clientId());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .body(new LockBatchResponseBody(granted).encode());
    }

    private RemotingCommand unlock(RemotingCommand request) {
        var body = UnlockBatchRequestBody.decode(requireBody(request));
        locks.unlockBatch(body.consumerGroup(), body.mqSet(), body.clientId());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    private static byte[] requireBody(RemotingCommand request) {
        if (request.body() == null || request.body().length == 0) {
            throw new ProtocolException(ResponseCode.SYSTEM_ERROR, "lock request without a body");
        }
        return request.body();
    }
}
