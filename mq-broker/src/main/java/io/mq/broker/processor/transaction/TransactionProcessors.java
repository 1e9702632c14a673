package io.mq.broker.processor.transaction;

import io.mq.broker.BrokerRuntime;
import io.mq.broker.transaction.TransactionCheckService;
import io.mq.broker.transaction.TransactionSettings;
import io.mq.broker.transaction.TransactionalMessageService;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.RemotingServer;
import java.util.List;

/** Wires transactions into a broker: the END_TRANSACTION processor and the check service. */
public final class TransactionProcessors {

    private TransactionProcessors() {
    }

    /**
     * Recovers the transaction state from the store, registers END_TRANSACTION on the send executor and starts the
     * check service, which goes into {@code closeables}. Returns the service (for tests and runtime figures).
     */
    public static TransactionalMessageService register(RemotingServer server, BrokerRuntime runtime,
            List<AutoCloseable> closeables) {
        var config = runtime.config();
        var settings = new TransactionSettings(config.transactionTimeout(), config.transactionCheckInterval(),
                config.transactionCheckMax());
        var producers = runtime.producers();
        var service = new TransactionalMessageService(runtime.store(), runtime.offsets(), producers::anyLiveChannel,
                settings);
        service.recover();
        server.registerProcessor(RequestCode.END_TRANSACTION, new EndTransactionProcessor(service),
                runtime.sendExecutor());
        closeables.add(TransactionCheckService.start(service));
        return service;
    }
}
