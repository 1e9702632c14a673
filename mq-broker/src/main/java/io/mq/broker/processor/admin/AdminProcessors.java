package io.mq.broker.processor.admin;

import io.mq.broker.BrokerRuntime;
import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.store.DefaultMessageStore;
import io.mq.broker.store.MessageStore;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.body.DataVersion;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.RemotingServer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The admin requests {@code mqadmin} and DefaultMQAdminExt send to a broker: topics, subscription groups,
 * broker config and runtime figures, topic and consumer statistics, connections, and viewing a message by
 * its offset id. All run on the runtime's admin executor.
 */
public final class AdminProcessors {

    /** 5.x GET_TOPIC_CONFIG; the 5.2.0 admin tools read a topic's config with it before topic and consume stats. */
    public static final int GET_TOPIC_CONFIG = 351;

    private AdminProcessors() {
    }

    /** Registers the admin codes and starts the once-a-second throughput sampler (stopped through closeables). */
    public static void register(RemotingServer server, BrokerRuntime runtime, List<AutoCloseable> closeables) {
        var executor = runtime.adminExecutor();
        var config = runtime.config();

        var topicAdmin = new TopicAdmin(runtime.topics(), runtime.offsets());
        server.registerProcessor(RequestCode.UPDATE_AND_CREATE_TOPIC, topicAdmin::createOrUpdate, executor);
        server.registerProcessor(RequestCode.GET_ALL_TOPIC_CONFIG, topicAdmin::all, executor);
        server.registerProcessor(RequestCode.DELETE_TOPIC_IN_BROKER, topicAdmin::delete, executor);
        server.registerProcessor(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, topicAdmin::systemTopics, executor);
        server.registerProcessor(GET_TOPIC_CONFIG, topicAdmin::one, executor);

        var groupAdmin = new SubscriptionGroupAdmin(runtime.subscriptionGroups(), runtime.offsets());
        server.registerProcessor(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, groupAdmin::createOrUpdate, executor);
        server.registerProcessor(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, groupAdmin::all, executor);
        server.registerProcessor(RequestCode.DELETE_SUBSCRIPTIONGROUP, groupAdmin::delete, executor);

        var stats = new ConsumptionStats(config.brokerName(), runtime.store(), runtime.topics(), runtime.offsets(),
                runtime.consumers());
        server.registerProcessor(RequestCode.GET_TOPIC_STATS_INFO, stats::topicStats, executor);
        server.registerProcessor(RequestCode.GET_CONSUME_STATS, stats::consumeStats, executor);
        server.registerProcessor(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, stats::consumedByWho, executor);

        var connections = new Connections(runtime.consumers(), runtime.producers());
        server.registerProcessor(RequestCode.GET_CONSUMER_CONNECTION_LIST, connections::consumerConnections, executor);
        server.registerProcessor(RequestCode.GET_PRODUCER_CONNECTION_LIST, connections::producerConnections, executor);

        server.registerProcessor(RequestCode.VIEW_MESSAGE_BY_ID, new ViewMessageProcessor(runtime.store()), executor);

        long boot = System.currentTimeMillis();
        var storeConfig = runtime.store() instanceof DefaultMessageStore local ? local.config() : null;
        var configView = new BrokerConfigView(config, storeConfig, server::port, DataVersion.initial(boot));
        server.registerProcessor(RequestCode.GET_BROKER_CONFIG, configView::brokerConfig, executor);

        var sampler = new ThroughputSampler(() -> messagesPut(runtime.store(), runtime.topics()),
                () -> messagesConsumed(runtime.offsets()), Clock.systemDefaultZone());
        var sampling = runtime.scheduler().scheduleAtFixedRate(() -> sampleQuietly(sampler), 1, 1, TimeUnit.SECONDS);
        closeables.add(() -> sampling.cancel(false));
        var runtimeInfo = new RuntimeInfo(runtime.store(), sampler, new RuntimeInfo.Executors(runtime.sendExecutor(),
                runtime.pullExecutor(), executor), boot, System::currentTimeMillis);
        server.registerProcessor(RequestCode.GET_BROKER_RUNTIME_INFO, runtimeInfo::runtimeInfo, executor);
    }

    /** Every message ever put in a queue this broker hosts: the sum of the queues' max offsets. */
    static long messagesPut(MessageStore store, TopicRegistry topics) {
        long total = 0;
        for (var topic : topics.all().values()) {
            int queues = Math.max(topic.readQueueNums(), topic.writeQueueNums());
            for (int queueId = 0; queueId < queues; queueId++) {
                total += Math.max(0, store.maxOffset(topic.name(), queueId));
            }
        }
        return total;
    }

    /** How far all groups have consumed: the sum of their committed offsets. */
    static long messagesConsumed(ConsumerOffsets offsets) {
        long total = 0;
        for (var queues : offsets.snapshot().values()) {
            for (long offset : queues.values()) {
                total += Math.max(0, offset);
            }
        }
        return total;
    }

    private static void sampleQuietly(ThroughputSampler sampler) {
        try {
            sampler.sample();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AdminProcessors.class).debug("throughput sample failed", e);
        }
    }
}
