package io.mq.app;

import io.mq.broker.Broker;
import io.mq.broker.namesrv.NameServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** The one line an operator looks for: what runs, where, on which store, and how long start-up took. */
@Component
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final ObjectProvider<Broker> broker;
    private final ObjectProvider<NameServer> nameServer;
    private final MqProperties properties;

    StartupReport(ObjectProvider<Broker> broker, ObjectProvider<NameServer> nameServer, MqProperties properties) {
        this.broker = broker;
        this.nameServer = nameServer;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        var parts = new StringBuilder("mq started in ").append(event.getTimeTaken().toMillis()).append(" ms:");
        var ns = nameServer.getIfAvailable();
        if (ns != null) {
            parts.append(" name server on port ").append(ns.port()).append(';');
        }
        var b = broker.getIfAvailable();
        if (b != null) {
            parts.append(" broker '").append(b.config().brokerName()).append("' of cluster '")
                    .append(b.config().clusterName()).append("' at ").append(b.address())
                    .append(", store ").append(properties.getStore().getDir().toAbsolutePath())
                    .append(" (").append(properties.getBroker().getFlushDiskType()).append(')')
                    .append(", registered with ").append(String.join(";", b.config().nameServers()));
        }
        log.info(parts.toString());
    }
}
