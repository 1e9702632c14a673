package io.mq.broker.processor.retry;

import io.mq.broker.BrokerRuntime;
import io.mq.broker.schedule.DelayRouter;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.RemotingServer;
import java.util.List;

/** Wires CONSUMER_SEND_MSG_BACK into a broker, on the send executor (it appends like a send). */
public final class RetryProcessors {

    private RetryProcessors() {
    }

    /** Starts nothing, so adds nothing to {@code closeables}. */
    public static void register(RemotingServer server, BrokerRuntime runtime, List<AutoCloseable> closeables) {
        var processor = new SendBackProcessor(runtime.store(), runtime.subscriptionGroups(), runtime.topics(),
                new DelayRouter(runtime.config().messageDelayLevel()));
        server.registerProcessor(RequestCode.CONSUMER_SEND_MSG_BACK, processor, runtime.sendExecutor());
    }
}
