package io.mq.broker.processor.query;

import io.mq.protocol.body.ResetOffsetBody;
import io.mq.protocol.header.ResetOffsetRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;

/** INVOKE_BROKER_TO_RESET_OFFSET (222): an admin tool resets a group's offsets on a topic to a time. */
public final class ResetOffsetProcessor implements RequestProcessor {

    private final OffsetResetter resetter;

    public ResetOffsetProcessor(OffsetResetter resetter) {
        this.resetter = resetter;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        var outcome = resetter.reset(ResetOffsetRequestHeader.from(request));
        if (outcome instanceof OffsetReset.Done done) {
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                    .body(new ResetOffsetBody(done.offsets()).encode());
        }
        var refused = (OffsetReset.Refused) outcome;
        return RemotingCommand.responseTo(request, refused.responseCode(), refused.reason());
    }
}
