package io.mq.client;

import io.mq.protocol.remoting.ResponseCode;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the client's groups to every broker it knows, so brokers can check back and rebalance consumers. */
final class Heartbeats {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final String clientId;
    private final ClientGroups groups;
    private final BrokerApi brokerApi;
    private final Supplier<BrokerDirectory> directory;
    private final long timeoutMillis;

    Heartbeats(String clientId, ClientGroups groups, BrokerApi brokerApi, Supplier<BrokerDirectory> directory,
            long timeoutMillis) {
        this.clientId = clientId;
        this.groups = groups;
        this.brokerApi = brokerApi;
        this.directory = directory;
        this.timeoutMillis = timeoutMillis;
    }

    /** One heartbeat to each broker; consumers need slaves to know them too, producers only masters. */
    synchronized void sendToAll() {
        if (groups.isEmpty()) {
            return;
        }
        var heartbeat = groups.heartbeat(clientId);
        for (var address : directory.get().addresses(!groups.hasConsumers())) {
            try {
                brokerApi.heartbeat(address, heartbeat, timeoutMillis);
            } catch (MqClientException e) {
                if (e.responseCode() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
                    log.debug("broker {} does not take heartbeats", address);
                } else {
                    log.warn("heartbeat to {} failed: {}", address, e.getMessage());
                }
            }
        }
    }
}
