package io.mq.broker.processor.pull;

import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.store.MessageStore;
import io.mq.protocol.header.PullMessageRequestHeader;
import io.mq.protocol.header.PullMessageResponseHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PULL_MESSAGE (11): checks the request, stores the offset it commits, reads from the queue through the
 * subscription's filter and answers with the stored records. An empty read of a suspendable request is held
 * (long polling) and answered later through the channel, as is a read for a connection that cannot take more yet.
 */
public final class PullMessageProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(PullMessageProcessor.class);

    private final PullAdmission admission;
    private final MessageStore store;
    private final ConsumerOffsets offsets;
    private final PullRequestHoldService holds;
    private final PullLimits limits;
    private final long maxHoldMillis;
    private final AnswersInFlight inFlight = new AnswersInFlight();

    PullMessageProcessor(PullAdmission admission, MessageStore store, ConsumerOffsets offsets,
            PullRequestHoldService holds, PullLimits limits, Duration maxHold) {
        this.admission = admission;
        this.store = store;
        this.offsets = offsets;
        this.holds = holds;
        this.limits = limits;
        this.maxHoldMillis = maxHold.toMillis();
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        var header = PullMessageRequestHeader.from(request);
        var decision = admission.admit(header, channel.remoteAddress());
        if (decision instanceof Admission.Refused refused) {
            return RemotingCommand.responseTo(request, refused.code(), refused.remark());
        }
        var filter = ((Admission.Admitted) decision).filter();
        // This broker is always a master, so it keeps what the client commits (RocketMQ: not on a slave).
        if (header.commitOffsetPresent()) {
            offsets.commit(header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset());
        }
        long holdMillis = Math.min(header.suspendTimeoutMillis(), maxHoldMillis);
        boolean suspendable = header.suspend() && holdMillis > 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(holdMillis, 0));
        var task = new PullTask(channel, request, header, filter, suspendable, deadline, false);
        return execute(task);
    }

    /** Reads and answers, or parks the task and returns null (it is then answered by {@link #resume}). */
    private RemotingCommand execute(PullTask task) {
        return execute(task, false);
    }

    private RemotingCommand execute(PullTask task, boolean backedUpMeanwhile) {
        var header = task.header();
        // An answer carries a copy of its messages. An unwritable connection waits; one still unwritable after
        // that, or with answers its transport has not taken in yet, is told to pull again from the same offset
        // rather than queue one more copy behind the others. (Holding a pull while the connection is writable would
        // keep its reads on, and the requests it reads meanwhile would pile up.)
        boolean unwritable = !task.channel().isWritable();
        if (unwritable && !task.waitedForWritable()) {
            holds.holdUntilWritable(task, this::resume);
            return null;
        }
        if (unwritable || backedUpMeanwhile || inFlight.isBackedUp(task.channel())) {
            return RemotingCommand.responseTo(task.request(), ResponseCode.PULL_RETRY_IMMEDIATELY, "connection backed up")
                    .putHeader(new PullMessageResponseHeader(PullAnswer.MASTER_ID, header.queueOffset(),
                            store.minOffset(header.topic(), header.queueId()),
                            store.maxOffset(header.topic(), header.queueId())));
        }
        var result = store.getMessages(header.consumerGroup(), header.topic(), header.queueId(), header.queueOffset(),
                limits.messages(header.maxMsgNums()), limits.bytes(header.maxMsgBytes()), task.filter());
        var answer = PullAnswer.of(result, header.queueOffset());
        if (answer.isEmpty() && task.mayHold(System.nanoTime())) {
            holds.hold(task, this::resume);
            return null;
        }
        if (answer.code() != ResponseCode.SUCCESS) {
            return answer.toResponse(task.request(), null);
        }
        var body = inFlight.track(task.channel(), result.body());
        if (body == null) { // other answers took the connection's room meanwhile: drop this copy
            return execute(task, true);
        }
        return answer.toResponse(task.request(), body);
    }

    /** Runs a parked task again on the pull executor: woken by a message, expired, or its channel drained. */
    private void resume(PullTask task) {
        if (!task.channel().isActive()) {
            return;
        }
        RemotingCommand response;
        try {
            response = execute(task);
        } catch (RuntimeException e) {
            log.warn("a held pull of {} on {}-{} failed", task.channel(), task.topic(), task.queueId(), e);
            response = RemotingCommand.responseTo(task.request(), ResponseCode.SYSTEM_ERROR, e.toString());
        }
        if (response != null) {
            task.channel().reply(task.request(), response);
        }
    }
}
