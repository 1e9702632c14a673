package io.mq.client;

import io.mq.protocol.remoting.ResponseCode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the topics this client uses, fetched on first use and refreshed on demand or by the periodic poll,
 * and the broker directory merged from them.
 */
final class RouteTable {

    private static final Logger log = LoggerFactory.getLogger(RouteTable.class);

    private final NameServerApi nameServers;
    private final Consumer<List<String>> newBrokerAddresses;
    private final Map<String, TopicRoute> routes = new ConcurrentHashMap<>();
    /** Topics that only have the auto-create template's route so far. */
    private final Set<String> templated = ConcurrentHashMap.newKeySet();
    private final List<RouteListener> listeners = new CopyOnWriteArrayList<>();
    private volatile BrokerDirectory directory = BrokerDirectory.empty();

    RouteTable(NameServerApi nameServers, Consumer<List<String>> newBrokerAddresses) {
        this.nameServers = nameServers;
        this.newBrokerAddresses = newBrokerAddresses;
    }

    Optional<TopicRoute> cached(String topic) {
        return Optional.ofNullable(routes.get(topic));
    }

    /** The topic's own route: cached, else fetched; throws the name server's TOPIC_NOT_EXIST when it has none. */
    TopicRoute route(String topic) {
        var cached = routes.get(topic);
        if (cached != null && !templated.contains(topic)) {
            return cached;
        }
        return store(topic, new TopicRoute(topic, nameServers.route(topic)), false);
    }

    /** The route to send to: the topic's own, else the template's (the broker then creates the topic). */
    TopicRoute publishRoute(String topic, String templateTopic, int queueNums) {
        var cached = routes.get(topic);
        if (cached != null) {
            return cached;
        }
        try {
            return store(topic, new TopicRoute(topic, nameServers.route(topic)), false);
        } catch (MqClientException e) {
            if (e.responseCode() != ResponseCode.TOPIC_NOT_EXIST) {
                throw e;
            }
            var template = nameServers.findRoute(templateTopic);
            if (template.isEmpty()) {
                throw new MqClientException(e.responseCode(), e.remark(), e.getMessage()
                        + "; and no broker offers to create it (no route of " + templateTopic + ")", e);
            }
            return store(topic, TopicRoute.fromTemplate(topic, template.get(), queueNums), true);
        }
    }

    /** Fetches the topic's route now; empty when the name server has none (a cached route is then kept). */
    Optional<TopicRoute> refresh(String topic) {
        return nameServers.findRoute(topic).map(data -> store(topic, new TopicRoute(topic, data), false));
    }

    /** The periodic poll: every topic in use, one failure not stopping the others. */
    void refreshAll() {
        for (var topic : Set.copyOf(routes.keySet())) {
            try {
                refresh(topic);
            } catch (RuntimeException e) {
                log.warn("refreshing the route of {} failed, keeping the last one: {}", topic, e.getMessage());
            }
        }
    }

    void addListener(RouteListener listener) {
        listeners.add(listener);
    }

    BrokerDirectory directory() {
        return directory;
    }

    private synchronized TopicRoute store(String topic, TopicRoute route, boolean fromTemplate) {
        var previous = routes.put(topic, route);
        if (fromTemplate) {
            templated.add(topic);
        } else {
            templated.remove(topic);
        }
        if (route.sameAs(previous)) {
            return route;
        }
        var before = new HashSet<>(directory.addresses(false));
        directory = BrokerDirectory.of(routes.values());
        var added = directory.addresses(false).stream().filter(a -> !before.contains(a)).toList();
        log.debug("route of {} changed: {}", topic, route);
        if (!added.isEmpty()) {
            newBrokerAddresses.accept(added);
        }
        for (var listener : listeners) {
            try {
                listener.routeChanged(route);
            } catch (RuntimeException e) {
                log.warn("route listener failed on {}", route, e);
            }
        }
        return route;
    }
}
