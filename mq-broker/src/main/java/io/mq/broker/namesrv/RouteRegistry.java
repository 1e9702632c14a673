package io.mq.broker.namesrv;

import io.mq.protocol.body.BrokerData;
import io.mq.protocol.body.ClusterInfo;
import io.mq.protocol.body.DataVersion;
import io.mq.protocol.body.KVTable;
import io.mq.protocol.body.PermName;
import io.mq.protocol.body.QueueData;
import io.mq.protocol.body.RegisterBrokerResult;
import io.mq.protocol.body.TopicList;
import io.mq.protocol.body.TopicRouteData;
import io.mq.protocol.transport.RemoteChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the name server knows, as RocketMQ's RouteInfoManager keeps it: each topic's queues per broker group,
 * broker groups by name, broker names by cluster, the live brokers (last heartbeat, topic-config version,
 * connection) and their filter servers. Thread-safe: readers share a lock, changes take it alone; every answer
 * is an immutable copy.
 */
public final class RouteRegistry {

    private static final Logger log = LoggerFactory.getLogger(RouteRegistry.class);

    private final Duration defaultExpiry;
    private final Clock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Map<String, QueueData>> queuesByTopic = new HashMap<>();
    private final Map<String, BrokerData> brokersByName = new HashMap<>();
    private final Map<String, Set<String>> brokerNamesByCluster = new HashMap<>();
    private final Map<String, LiveBroker> liveBrokers = new HashMap<>();
    private final Map<String, List<String>> filterServersByBroker = new HashMap<>();

    /** A broker address's liveness: when it last registered, what topic version, over which connection. */
    private static final class LiveBroker {
        long lastUpdateMillis;
        final DataVersion dataVersion;
        final RemoteChannel channel;
        final String haServerAddr;
        final long expiryMillis;

        LiveBroker(long lastUpdateMillis, DataVersion dataVersion, RemoteChannel channel, String haServerAddr,
                   long expiryMillis) {
            this.lastUpdateMillis = lastUpdateMillis;
            this.dataVersion = dataVersion;
            this.channel = channel;
            this.haServerAddr = haServerAddr;
            this.expiryMillis = expiryMillis;
        }
    }

    public RouteRegistry(Duration defaultExpiry, Clock clock) {
        this.defaultExpiry = defaultExpiry;
        this.clock = clock;
    }

    public RouteRegistry(Duration defaultExpiry) {
        this(defaultExpiry, Clock.systemUTC());
    }

    /**
     * Records a broker's heartbeat. A master's topics are (re)read when its topic version changed or it is new;
     * a slave learns its master's address and HA address from the result. {@code channel} may be null.
     */
    public RegisterBrokerResult register(BrokerRegistration reg, RemoteChannel channel) {
        return write(() -> {
            brokerNamesByCluster.computeIfAbsent(reg.clusterName(), c -> new TreeSet<>()).add(reg.brokerName());

            var group = brokersByName.get(reg.brokerName());
            var addrs = new TreeMap<Long, String>(group == null ? Map.of() : group.brokerAddrs());
            // A slave promoted to master re-registers the same address under id 0: one address, one id.
            addrs.entrySet().removeIf(e -> e.getValue().equals(reg.brokerAddr()) && e.getKey() != reg.brokerId());
            var previousAddr = addrs.put(reg.brokerId(), reg.brokerAddr());
            brokersByName.put(reg.brokerName(), new BrokerData(reg.clusterName(), reg.brokerName(), addrs,
                    group == null ? null : group.zoneName(), group != null && group.enableActingMaster()));
            boolean firstTime = group == null || previousAddr == null;

            var version = reg.topicConfig().dataVersion();
            if (reg.isMaster() && (firstTime || topicConfigChangedLocked(reg.brokerAddr(), version))) {
                for (var topic : reg.topicConfig().topicConfigTable().values()) {
                    queuesByTopic.computeIfAbsent(topic.topicName(), t -> new TreeMap<>())
                            .put(reg.brokerName(), QueueData.of(reg.brokerName(), topic));
                }
            }

            long expiry = (reg.heartbeatTimeout() == null ? defaultExpiry : reg.heartbeatTimeout()).toMillis();
            var previous = liveBrokers.put(reg.brokerAddr(),
                    new LiveBroker(clock.millis(), version, channel, reg.haServerAddr(), expiry));
            if (previous == null) {
                log.info("broker registered: {} {} id={} at {} (HA {})", reg.clusterName(), reg.brokerName(),
                        reg.brokerId(), reg.brokerAddr(), reg.haServerAddr());
            }
            if (reg.filterServers() != null) {
                if (reg.filterServers().isEmpty()) {
                    filterServersByBroker.remove(reg.brokerAddr());
                } else {
                    filterServersByBroker.put(reg.brokerAddr(), reg.filterServers());
                }
            }

            if (!reg.isMaster()) {
                var masterAddr = addrs.get(BrokerRegistration.MASTER_ID);
                var master = masterAddr == null ? null : liveBrokers.get(masterAddr);
                if (master != null) {
                    return new RegisterBrokerResult(master.haServerAddr, masterAddr, new KVTable(null));
                }
            }
            return new RegisterBrokerResult(null, null, new KVTable(null));
        });
    }

    /** Removes one broker (address and id) of a group; the group's queues go when its last broker does. */
    public void unregister(String clusterName, String brokerAddr, String brokerName, long brokerId) {
        write(() -> {
            liveBrokers.remove(brokerAddr);
            filterServersByBroker.remove(brokerAddr);
            var group = brokersByName.get(brokerName);
            if (group != null) {
                var addrs = new TreeMap<>(group.brokerAddrs());
                addrs.remove(brokerId);
                replaceOrDropGroup(group, addrs);
            }
            log.info("broker unregistered: {} {} id={} at {}", clusterName, brokerName, brokerId, brokerAddr);
            return null;
        });
    }

    /** The topic's route, or empty when no live broker serves it. */
    public Optional<TopicRouteData> route(String topic) {
        return read(() -> {
            var queues = queuesByTopic.get(topic);
            if (queues == null || queues.isEmpty()) {
                return Optional.empty();
            }
            var brokers = new ArrayList<BrokerData>();
            var filters = new LinkedHashMap<String, List<String>>();
            for (var brokerName : queues.keySet()) {
                var group = brokersByName.get(brokerName);
                if (group != null) {
                    brokers.add(group);
                    for (var addr : group.brokerAddrs().values()) {
                        var servers = filterServersByBroker.get(addr);
                        if (servers != null) {
                            filters.put(addr, servers);
                        }
                    }
                }
            }
            if (brokers.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TopicRouteData(null, new ArrayList<>(queues.values()), brokers, filters));
        });
    }

    public ClusterInfo clusterInfo() {
        return read(() -> new ClusterInfo(brokersByName, brokerNamesByCluster));
    }

    public TopicList allTopics() {
        return read(() -> TopicList.of(queuesByTopic.keySet()));
    }

    /** Topics with queues on any broker group of {@code cluster} (empty for an unknown cluster). */
    public TopicList topicsByCluster(String cluster) {
        return read(() -> {
            var names = brokerNamesByCluster.getOrDefault(cluster, Set.of());
            var topics = new TreeSet<String>();
            queuesByTopic.forEach((topic, queues) -> {
                if (queues.keySet().stream().anyMatch(names::contains)) {
                    topics.add(topic);
                }
            });
            return TopicList.of(topics);
        });
    }

    /**
     * What RocketMQ calls the system topics of the name server: every cluster name and broker name (each is a
     * topic on its brokers), plus the address of one broker to ask for the rest.
     */
    public TopicList systemTopics() {
        return read(() -> {
            var topics = new TreeSet<String>();
            brokerNamesByCluster.forEach((cluster, names) -> {
                topics.add(cluster);
                topics.addAll(names);
            });
            String anyBroker = brokersByName.values().stream()
                    .flatMap(b -> b.brokerAddrs().values().stream()).findFirst().orElse(null);
            return new TopicList(topics, anyBroker);
        });
    }

    /** Forgets the topic on every broker group (brokers that still hold it bring it back when they register). */
    public void deleteTopic(String topic) {
        write(() -> queuesByTopic.remove(topic));
    }

    /** Forgets the topic on the broker groups of one cluster. */
    public void deleteTopic(String topic, String cluster) {
        write(() -> {
            var queues = queuesByTopic.get(topic);
            if (queues != null) {
                brokerNamesByCluster.getOrDefault(cluster, Set.of()).forEach(queues::remove);
                if (queues.isEmpty()) {
                    queuesByTopic.remove(topic);
                }
            }
            return null;
        });
    }

    /** Takes write permission from every queue of the broker group; returns how many topics changed. */
    public int wipeWritePerm(String brokerName) {
        return changePerm(brokerName, perm -> perm & ~PermName.PERM_WRITE);
    }

    /** Gives every queue of the broker group read and write permission; returns how many topics changed. */
    public int addWritePerm(String brokerName) {
        return changePerm(brokerName, perm -> PermName.READ_WRITE);
    }

    private int changePerm(String brokerName, IntUnaryOperator change) {
        return write(() -> {
            int topics = 0;
            for (var queues : queuesByTopic.values()) {
                var queue = queues.get(brokerName);
                if (queue != null) {
                    queues.put(brokerName, queue.withPerm(change.applyAsInt(queue.perm())));
                    topics++;
                }
            }
            return topics;
        });
    }

    /** True when the broker is unknown or registered another topic version than {@code version}. */
    public boolean isTopicConfigChanged(String brokerAddr, DataVersion version) {
        return read(() -> topicConfigChangedLocked(brokerAddr, version));
    }

    private boolean topicConfigChangedLocked(String brokerAddr, DataVersion version) {
        var live = liveBrokers.get(brokerAddr);
        return live == null || !live.dataVersion.equals(version);
    }

    /** The topic version the broker last registered. */
    public Optional<DataVersion> dataVersion(String brokerAddr) {
        return read(() -> Optional.ofNullable(liveBrokers.get(brokerAddr)).map(l -> l.dataVersion));
    }

    /** Counts as a heartbeat from a live broker (QUERY_DATA_VERSION with an unchanged version). */
    public void touch(String brokerAddr) {
        write(() -> {
            var live = liveBrokers.get(brokerAddr);
            if (live != null) {
                live.lastUpdateMillis = clock.millis();
            }
            return null;
        });
    }

    /** Addresses of the brokers heard from within their expiry. */
    public Set<String> liveBrokerAddrs() {
        return read(() -> Set.copyOf(liveBrokers.keySet()));
    }

    /** Drops every broker not heard from within its expiry and closes its connection; returns their addresses. */
    public List<String> removeExpiredBrokers() {
        var closed = new ArrayList<RemoteChannel>();
        var expired = write(() -> {
            long now = clock.millis();
            var gone = new ArrayList<String>();
            for (var entry : List.copyOf(liveBrokers.entrySet())) {
                var live = entry.getValue();
                if (live.lastUpdateMillis + live.expiryMillis < now) {
                    log.warn("broker {} expired: no heartbeat for {} ms", entry.getKey(), now - live.lastUpdateMillis);
                    removeBrokerAddrLocked(entry.getKey());
                    gone.add(entry.getKey());
                    if (live.channel != null) {
                        closed.add(live.channel);
                    }
                }
            }
            return gone;
        });
        // Closed outside the lock: the transport may call onChannelClosed from here.
        closed.forEach(RemoteChannel::close);
        return expired;
    }

    /** Drops the broker that registered over {@code channel}, if any (the connection is gone). */
    public void onChannelClosed(RemoteChannel channel) {
        write(() -> {
            for (var entry : List.copyOf(liveBrokers.entrySet())) {
                if (entry.getValue().channel == channel) {
                    log.info("broker {} dropped: its connection closed", entry.getKey());
                    removeBrokerAddrLocked(entry.getKey());
                }
            }
            return null;
        });
    }

    private void removeBrokerAddrLocked(String brokerAddr) {
        liveBrokers.remove(brokerAddr);
        filterServersByBroker.remove(brokerAddr);
        for (var group : List.copyOf(brokersByName.values())) {
            if (group.brokerAddrs().containsValue(brokerAddr)) {
                var addrs = new TreeMap<>(group.brokerAddrs());
                addrs.values().remove(brokerAddr);
                replaceOrDropGroup(group, addrs);
            }
        }
    }

    /** Stores the group with its remaining addresses, or, when none remain, forgets it with its queues. */
    private void replaceOrDropGroup(BrokerData group, Map<Long, String> remaining) {
        var name = group.brokerName();
        if (!remaining.isEmpty()) {
            brokersByName.put(name, new BrokerData(group.cluster(), name, remaining, group.zoneName(),
                    group.enableActingMaster()));
            return;
        }
        brokersByName.remove(name);
        brokerNamesByCluster.values().forEach(names -> names.remove(name));
        brokerNamesByCluster.values().removeIf(Set::isEmpty);
        queuesByTopic.values().forEach(queues -> queues.remove(name));
        queuesByTopic.values().removeIf(Map::isEmpty);
        log.info("broker group {} removed with its queues", name);
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
