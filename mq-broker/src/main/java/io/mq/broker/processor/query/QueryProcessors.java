package io.mq.broker.processor.query;

import io.mq.broker.BrokerRuntime;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.RemotingServer;
import java.util.List;

/**
 * Wires the look-up and reset requests into a broker: QUERY_MESSAGE (12), INVOKE_BROKER_TO_RESET_OFFSET (222),
 * QUERY_CONSUME_TIME_SPAN (303) and the GET_CONSUMER_RUNNING_INFO (307) relay, all on the admin executor.
 */
public final class QueryProcessors {

    private QueryProcessors() {
    }

    /** Starts nothing, so adds nothing to {@code closeables}. */
    public static void register(RemotingServer server, BrokerRuntime runtime, List<AutoCloseable> closeables) {
        var brokerName = runtime.config().brokerName();
        var admin = runtime.adminExecutor();
        server.registerProcessor(RequestCode.QUERY_MESSAGE, new QueryMessageProcessor(runtime.store()), admin);
        var resetter = new OffsetResetter(runtime.topics(), runtime.store(), runtime.offsets(), runtime.consumers(),
                brokerName);
        server.registerProcessor(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, new ResetOffsetProcessor(resetter), admin);
        server.registerProcessor(RequestCode.QUERY_CONSUME_TIME_SPAN, new ConsumeTimeSpanProcessor(runtime.topics(),
                runtime.store(), runtime.offsets(), brokerName, System::currentTimeMillis), admin);
        server.registerProcessor(RequestCode.GET_CONSUMER_RUNNING_INFO,
                new ConsumerRunningInfoRelay(runtime.consumers(), ConsumerRunningInfoRelay.CALL_TIMEOUT), admin);
    }
}
