package io.mq.broker.processor.send;

import io.mq.broker.BrokerRuntime;
import io.mq.broker.schedule.DelayRouter;
import io.mq.protocol.transport.RemotingServer;
import java.util.List;

/** Wires the send path into a broker: one {@link SendMessageProcessor} for every send request code. */
public final class SendProcessors {

    private SendProcessors() {
    }

    /**
     * Registers the send processor on the I/O threads: an append only copies bytes under the commit log's short
     * lock and never waits for the disk (SYNC_FLUSH answers from the group-commit thread), so handing each send to
     * an executor and its answer back cost two thread wake-ups per message for nothing. It starts nothing, so it
     * adds nothing to {@code closeables}.
     */
    public static void register(RemotingServer server, BrokerRuntime runtime, List<AutoCloseable> closeables) {
        var config = runtime.config();
        var topics = runtime.topics();
        // No broker permission setting exists yet: the broker is always writeable until one is added.
        var admission = new SendAdmission(topics, () -> true, config.brokerIp(), config.maxMessageSize());
        var processor = new SendMessageProcessor(runtime.store(), admission, new SendDrafts(config.clusterName()),
                new RetrySendRouter(runtime.subscriptionGroups(), topics), new SendResponses(config.maxMessageSize()),
                new DelayRouter(config.messageDelayLevel()));
        for (int code : SendMessageProcessor.requestCodes()) {
            server.registerIoThreadProcessor(code, processor);
        }
    }
}
