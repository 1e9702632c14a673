package io.mq.client;

import io.mq.protocol.body.BrokerData;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each broker is, by broker name and broker id (0 = master), merged from every route the client holds.
 * Rebuilt as a whole from the routes, so a broker that left every route is forgotten. Immutable.
 */
public final class BrokerDirectory {

    private static final BrokerDirectory EMPTY = new BrokerDirectory(Map.of());

    private final Map<String, BrokerData> brokers;

    private BrokerDirectory(Map<String, BrokerData> brokers) {
        this.brokers = Map.copyOf(brokers);
    }

    public static BrokerDirectory empty() {
        return EMPTY;
    }

    /** The directory of these routes; a broker named in several routes keeps the addresses of all of them. */
    public static BrokerDirectory of(Collection<TopicRoute> routes) {
        var merged = new HashMap<String, BrokerData>();
        for (var route : routes) {
            for (var broker : route.brokers().values()) {
                merged.merge(broker.brokerName(), broker, (a, b) -> {
                    var addresses = new HashMap<>(a.brokerAddrs());
                    addresses.putAll(b.brokerAddrs());
                    return new BrokerData(b.cluster(), b.brokerName(), addresses, b.zoneName(), b.enableActingMaster());
                });
            }
        }
        return new BrokerDirectory(merged);
    }

    public Set<String> brokerNames() {
        return brokers.keySet();
    }

    public Optional<BrokerData> broker(String brokerName) {
        return Optional.ofNullable(brokers.get(brokerName));
    }

    public Optional<String> masterAddress(String brokerName) {
        return broker(brokerName).map(BrokerData::masterAddr);
    }

    /** The address of one broker id of a broker group. */
    public Optional<String> address(String brokerName, long brokerId) {
        return broker(brokerName).map(b -> b.brokerAddrs().get(brokerId));
    }

    /**
     * Where to read from: the wanted broker id if known, else (unless {@code onlyThisBroker}) the master, else any
     * slave. Consumers pass the {@code suggestWhichBrokerId} of their last pull.
     */
    public Optional<String> readAddress(String brokerName, long brokerId, boolean onlyThisBroker) {
        var broker = brokers.get(brokerName);
        if (broker == null || broker.brokerAddrs().isEmpty()) {
            return Optional.empty();
        }
        var wanted = broker.brokerAddrs().get(brokerId);
        if (wanted != null || onlyThisBroker) {
            return Optional.ofNullable(wanted);
        }
        var master = broker.masterAddr();
        return master != null ? Optional.of(master) : broker.brokerAddrs().values().stream().findFirst();
    }

    /** The broker name an address belongs to. */
    public Optional<String> brokerNameOf(String address) {
        return brokers.values().stream()
                .filter(b -> b.brokerAddrs().containsValue(address))
                .map(BrokerData::brokerName)
                .findFirst();
    }

    /** Every address (masters only when asked), for heartbeats and unregistration. */
    public List<String> addresses(boolean mastersOnly) {
        var addresses = new HashSet<String>();
        for (var broker : brokers.values()) {
            broker.brokerAddrs().forEach((id, address) -> {
                if (!mastersOnly || id == BrokerData.MASTER_ID) {
                    addresses.add(address);
                }
            });
        }
        return addresses.stream().sorted().toList();
    }
}
