package io.mq.broker.processor.lock;

import io.mq.broker.BrokerRuntime;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.RemotingServer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Wires the queue locks of ordered consumption into a broker. */
public final class QueueLockProcessors {

    private QueueLockProcessors() {
    }

    /**
     * Registers LOCK_BATCH_MQ and UNLOCK_BATCH_MQ on the admin executor with a registry using RocketMQ's
     * lock-lifetime property, and purges expired locks every minute on the runtime's scheduler.
     */
    public static QueueLockRegistry register(RemotingServer server, BrokerRuntime runtime,
            List<AutoCloseable> closeables) {
        var registry = QueueLockRegistry.withSystemSettings();
        var processor = new QueueLockProcessor(registry);
        server.registerProcessor(RequestCode.LOCK_BATCH_MQ, processor, runtime.adminExecutor());
        server.registerProcessor(RequestCode.UNLOCK_BATCH_MQ, processor, runtime.adminExecutor());
        var purge = runtime.scheduler().scheduleWithFixedDelay(registry::purgeExpired, 1, 1, TimeUnit.MINUTES);
        closeables.add(() -> purge.cancel(false));
        return registry;
    }
}
