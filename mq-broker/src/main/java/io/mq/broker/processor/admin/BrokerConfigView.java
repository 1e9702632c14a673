package io.mq.broker.processor.admin;

import io.mq.broker.BrokerConfig;
import io.mq.broker.store.StoreConfig;
import io.mq.protocol.body.DataVersion;
import io.mq.protocol.json.Json;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * GET_BROKER_CONFIG (26): the broker's settings as RocketMQ's property names ("key=value" lines, what
 * {@code mqadmin getBrokerConfig} prints) with the configuration's data version in the {@code version} header.
 * Our configuration is immutable, so the version is the one stamped at start.
 */
final class BrokerConfigView {

    private final BrokerConfig config;
    private final StoreConfig storeConfig;
    private final IntSupplier listenPort;
    private final DataVersion version;

    /** @param storeConfig null when the store is not our own (then its settings are left out) */
    BrokerConfigView(BrokerConfig config, StoreConfig storeConfig, IntSupplier listenPort, DataVersion version) {
        this.config = config;
        this.storeConfig = storeConfig;
        this.listenPort = listenPort;
        this.version = version;
    }

    RemotingCommand brokerConfig(RemoteChannel channel, RemotingCommand request) {
        var text = new StringBuilder();
        properties().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .putExt("version", Json.write(WireForms.dataVersionJson(version)))
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    Map<String, String> properties() {
        var p = new TreeMap<String, String>();
        p.put("brokerClusterName", config.clusterName());
        p.put("brokerName", config.brokerName());
        p.put("brokerId", "0");
        p.put("brokerRole", "ASYNC_MASTER");
        p.put("brokerIP1", config.brokerIp());
        p.put("listenPort", String.valueOf(listenPort.getAsInt()));
        p.put("namesrvAddr", String.join(";", config.nameServers()));
        p.put("autoCreateTopicEnable", String.valueOf(config.autoCreateTopic()));
        p.put("defaultTopicQueueNums", String.valueOf(config.defaultTopicQueueNums()));
        p.put("autoCreateSubscriptionGroup", "true");
        p.put("maxMessageSize", String.valueOf(config.maxMessageSize()));
        p.put("registerNameServerPeriod", String.valueOf(config.registerInterval().toMillis()));
        p.put("longPollingEnable", "true");
        p.put("notifyConsumerIdsChangedEnable", "true");
        p.put("enablePropertyFilter", "true");
        if (storeConfig != null) {
            var root = storeConfig.rootDir().toAbsolutePath();
            p.put("storePathRootDir", root.toString());
            p.put("storePathCommitLog", storeConfig.commitLogDir().toAbsolutePath().toString());
            p.put("mappedFileSizeCommitLog", String.valueOf(storeConfig.commitLogSegmentSize()));
            p.put("mappedFileSizeConsumeQueue", String.valueOf(storeConfig.consumeQueueEntriesPerFile() * 20L));
            p.put("flushDiskType", storeConfig.flushDiskType().name());
            p.put("flushIntervalCommitLog", String.valueOf(storeConfig.flushInterval().toMillis()));
            p.put("syncFlushTimeout", String.valueOf(storeConfig.syncFlushTimeout().toMillis()));
        }
        return p;
    }
}
