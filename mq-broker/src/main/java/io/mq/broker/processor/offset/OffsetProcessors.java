package io.mq.broker.processor.offset;

import io.mq.broker.BrokerRuntime;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.RemotingServer;
import java.util.List;

/**
 * Registers the offset requests: consumer offsets (14, 15, 43) and queue offsets (29-32), on the admin executor,
 * except commits. A commit (a map update that never waits) runs on the connection's I/O thread, so the commits of
 * one connection take effect in the order they were sent, and a later query on it sees them: on a pool, a client's
 * periodic one-way persist could overtake the reset commit that followed it and leave the old offset standing.
 */
public final class OffsetProcessors {

    private OffsetProcessors() {
    }

    public static void register(RemotingServer server, BrokerRuntime runtime, List<AutoCloseable> closeables) {
        var executor = runtime.adminExecutor();
        var consumerOffsets = new ConsumerOffsetProcessor(runtime.offsets(), runtime.store(),
                MemoryResidency.ofPhysicalMemory(runtime.store()));
        server.registerProcessor(RequestCode.QUERY_CONSUMER_OFFSET, consumerOffsets, executor);
        server.registerIoThreadProcessor(RequestCode.UPDATE_CONSUMER_OFFSET, consumerOffsets);
        server.registerProcessor(RequestCode.GET_ALL_CONSUMER_OFFSET, consumerOffsets, executor);
        var queueOffsets = new QueueOffsetProcessor(runtime.store());
        server.registerProcessor(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, queueOffsets, executor);
        server.registerProcessor(RequestCode.GET_MAX_OFFSET, queueOffsets, executor);
        server.registerProcessor(RequestCode.GET_MIN_OFFSET, queueOffsets, executor);
        server.registerProcessor(RequestCode.GET_EARLIEST_MSG_STORETIME, queueOffsets, executor);
    }
}
