package io.mq.broker.processor.pull;

import io.mq.protocol.header.PullMessageRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.transport.RemoteChannel;

/**
 * One admitted pull request on its way to an answer: who asked, what, through which filter, and until when it may
 * be held when nothing is there.
 *
 * @param holdDeadlineNanos {@link System#nanoTime()} after which the request is answered even when empty;
 *                          meaningless unless {@link #suspendable()}
 * @param waitedForWritable the request already waited once for its channel to drain; it is not made to wait again
 */
record PullTask(
        RemoteChannel channel,
        RemotingCommand request,
        PullMessageRequestHeader header,
        PullFilter filter,
        boolean suspendable,
        long holdDeadlineNanos,
        boolean waitedForWritable) {

    String topic() {
        return header.topic();
    }

    int queueId() {
        return header.queueId();
    }

    long queueOffset() {
        return header.queueOffset();
    }

    /** Whether an empty answer may still be held rather than sent. */
    boolean mayHold(long nowNanos) {
        return suspendable && nowNanos - holdDeadlineNanos < 0;
    }

    PullTask afterWritableWait() {
        return new PullTask(channel, request, header, filter, suspendable, holdDeadlineNanos, true);
    }
}
