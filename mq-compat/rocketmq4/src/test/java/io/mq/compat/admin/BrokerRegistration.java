package io.mq.compat.admin;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.processor.admin.WireForms;
import io.mq.broker.registration.BrokerIdentity;
import io.mq.broker.registration.NameServerRegistrar;
import io.mq.broker.registration.RegistrarConfig;
import io.mq.broker.topic.TopicListener;
import io.mq.protocol.body.TopicConfigSerializeWrapper;
import io.mq.protocol.transport.NettyRemotingClient;
import java.util.List;

/**
 * Registers an embedded broker with its name server and again after each topic change, as the broker itself
 * will once its own registration is wired in (then this fixture is redundant and harmless: the name server
 * takes the same registration twice).
 */
final class BrokerRegistration implements AutoCloseable {

    private final NettyRemotingClient client = new NettyRemotingClient();
    private final NameServerRegistrar registrar;
    private final TopicListener onTopicChange;
    private final EmbeddedBroker embedded;

    BrokerRegistration(EmbeddedBroker embedded) {
        this.embedded = embedded;
        var broker = embedded.broker();
        var config = broker.config();
        var topics = broker.runtime().topics();
        registrar = new NameServerRegistrar(client, List.of(embedded.nameServerAddress()),
                BrokerIdentity.master(config.clusterName(), config.brokerName(), broker.address(),
                        config.brokerIp() + ":" + (broker.port() + 1)),
                () -> TopicConfigSerializeWrapper.of(
                        topics.all().values().stream().map(WireForms::topicConfig).toList(),
                        WireForms.dataVersion(topics.dataVersion())),
                RegistrarConfig.defaults());
        onTopicChange = change -> registrar.registerNow();
        topics.addListener(onTopicChange);
        registrar.start();
    }

    @Override
    public void close() {
        embedded.broker().runtime().topics().removeListener(onTopicChange);
        registrar.close();
        client.close();
    }
}
