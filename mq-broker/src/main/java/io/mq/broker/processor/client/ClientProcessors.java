package io.mq.broker.processor.client;

import io.mq.broker.BrokerRuntime;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.RemotingServer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client management: heartbeats, unregistration, the consumer list a rebalance reads, the client-config check,
 * and the notification that a consumer group changed. Runs on its own small executor so heartbeats never
 * queue behind slow admin requests (RocketMQ has a heartbeat pool for the same reason).
 */
public final class ClientProcessors {

    static final int THREADS = 2;
    static final int QUEUE_CAPACITY = 50_000;

    private ClientProcessors() {
    }

    /** Registers codes 34, 35, 38 and 46 and the consumer-group change notifier; the executor goes to closeables. */
    public static void register(RemotingServer server, BrokerRuntime runtime, List<AutoCloseable> closeables) {
        var executor = clientExecutor();
        closeables.add(() -> stop(executor));
        var consumers = runtime.consumers();
        consumers.addListener(new ConsumerIdsChangeNotifier(runtime.subscriptionGroups()));
        server.registerProcessor(RequestCode.HEART_BEAT, new HeartbeatProcessor(consumers, runtime.producers(),
                runtime.subscriptionGroups(), runtime.topics(), System::currentTimeMillis), executor);
        server.registerProcessor(RequestCode.UNREGISTER_CLIENT,
                new UnregisterClientProcessor(consumers, runtime.producers()), executor);
        server.registerProcessor(RequestCode.GET_CONSUMER_LIST_BY_GROUP, new ConsumerListProcessor(consumers), executor);
        server.registerProcessor(RequestCode.CHECK_CLIENT_CONFIG, new CheckClientConfigProcessor(), executor);
    }

    private static ExecutorService clientExecutor() {
        var counter = new AtomicInteger();
        return new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE_CAPACITY),
                r -> {
                    var t = new Thread(r, "broker-client-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    private static void stop(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
