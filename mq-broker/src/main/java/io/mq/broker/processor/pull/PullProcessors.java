package io.mq.broker.processor.pull;

import io.mq.broker.BrokerRuntime;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.RemotingServer;
import java.util.List;

/** Registers the pull path: PULL_MESSAGE with its long-polling service. */
public final class PullProcessors {

    private PullProcessors() {
    }

    /** Registers PULL_MESSAGE on the pull executor; the long-polling service goes into {@code closeables}. */
    public static void register(RemotingServer server, BrokerRuntime runtime, List<AutoCloseable> closeables) {
        register(server, runtime, closeables, PullLimits.DEFAULTS);
    }

    public static void register(RemotingServer server, BrokerRuntime runtime, List<AutoCloseable> closeables,
            PullLimits limits) {
        var holds = new PullRequestHoldService(runtime.store(), runtime.pullExecutor(), runtime.scheduler(),
                PullRequestHoldService.DEFAULT_SWEEP_INTERVAL);
        runtime.store().addArrivedListener(holds);
        closeables.add(holds);
        var admission = new PullAdmission(runtime.topics(), runtime.subscriptionGroups(), runtime.consumers());
        var processor = new PullMessageProcessor(admission, runtime.store(), runtime.offsets(), holds, limits,
                runtime.config().longPollingMaxHold());
        server.registerProcessor(RequestCode.PULL_MESSAGE, processor, runtime.pullExecutor());
    }
}
