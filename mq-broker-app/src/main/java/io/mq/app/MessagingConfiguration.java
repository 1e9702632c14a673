package io.mq.app;

import io.mq.broker.Broker;
import io.mq.broker.BrokerConfig;
import io.mq.broker.namesrv.NameServer;
import io.mq.broker.namesrv.NameServerConfig;
import io.mq.broker.store.FlushDiskType;
import io.mq.broker.store.StoreConfig;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Turns {@code mq.*} properties into the core's immutable configs and runs the name server and the broker as
 * beans: started with the context, closed (flushed) with it. No logic beyond translation lives here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MqProperties.class)
class MessagingConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = "mq.namesrv.enabled", matchIfMissing = true)
    NameServer nameServer(MqProperties properties) {
        var namesrv = properties.getNamesrv();
        var config = NameServerConfig.defaults()
                .withPort(namesrv.getPort())
                .withBrokerExpiry(namesrv.getBrokerExpiry(), NameServerConfig.defaults().scanInterval())
                .withKvConfigPath(properties.getStore().getDir().resolve("config").resolve("namesrv-kv.json"));
        var server = new NameServer(config);
        server.start();
        return server;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = "mq.broker.enabled", matchIfMissing = true)
    Broker broker(MqProperties properties, ObjectProvider<NameServer> localNameServer) {
        var brokerProps = properties.getBroker();
        var ip = brokerProps.getIp().isBlank() ? HostAddresses.firstSiteAddress() : brokerProps.getIp();
        var config = BrokerConfig.defaults()
                .withIdentity(brokerProps.getClusterName(), brokerProps.getName(), ip)
                .withPort(brokerProps.getPort())
                .withAutoCreateTopic(brokerProps.isAutoCreateTopicEnable())
                .withLimits(toIntBytes("mq.broker.max-message-size", brokerProps.getMaxMessageSize().toBytes()),
                        toIntBytes("mq.remoting.max-frame-size", properties.getRemoting().getMaxFrameSize().toBytes()))
                .withNameServers(nameServers(properties, localNameServer.getIfAvailable()))
                .withMessageDelayLevel(brokerProps.getMessageDelayLevel())
                .withTransactionTimeout(brokerProps.getTransactionTimeout())
                .withTransactionCheckInterval(brokerProps.getTransactionCheckInterval())
                .withTransactionCheckMax(brokerProps.getTransactionCheckMax());
        var store = StoreConfig.defaults(properties.getStore().getDir(), new InetSocketAddress(ip, config.port()))
                .withCommitLogSegmentSize(toIntBytes("mq.store.commit-log-segment-size",
                        properties.getStore().getCommitLogSegmentSize().toBytes()))
                .withFlushDiskType(FlushDiskType.valueOf(brokerProps.getFlushDiskType().name()))
                .withMaxMessageSize(config.maxMessageSize());
        return Broker.start(config, store);
    }

    /** The configured address list, or the in-process name server when none is configured. */
    static List<String> nameServers(MqProperties properties, NameServer local) {
        var configured = properties.getNamesrv().getAddress();
        if (!configured.isBlank()) {
            return Arrays.stream(configured.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        if (local == null) {
            throw new IllegalStateException("mq.namesrv.address is empty and mq.namesrv.enabled=false: the broker has "
                    + "no name server to register with. Set mq.namesrv.address=host:9876 (';' between several).");
        }
        return List.of("127.0.0.1:" + local.port());
    }

    private static int toIntBytes(String property, long bytes) {
        if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(property + " must be between 1 byte and 2 GiB, was " + bytes + " bytes");
        }
        return (int) bytes;
    }
}
