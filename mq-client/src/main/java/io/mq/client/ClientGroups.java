package io.mq.client;

import io.mq.protocol.body.ConsumerData;
import io.mq.protocol.body.HeartbeatData;
import io.mq.protocol.body.ProducerData;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The producer and consumer groups registered in one client, and the heartbeat that announces them. */
final class ClientGroups {

    private static final Logger log = LoggerFactory.getLogger(ClientGroups.class);

    /** Producer group to its transaction checker; plain producers map to {@link #NO_CHECKER}. */
    private final Map<String, TransactionChecker> producers = new ConcurrentHashMap<>();
    private final Map<String, ConsumerHooks> consumers = new ConcurrentHashMap<>();
    private static final TransactionChecker NO_CHECKER = (address, message, header) ->
            log.warn("transaction check for {} from {}, but its producer group is not transactional", message, address);

    void addProducer(String clientId, String group, TransactionChecker checker) {
        if (producers.putIfAbsent(group, checker == null ? NO_CHECKER : checker) != null) {
            throw new IllegalStateException("producer group " + group + " is already registered in client " + clientId
                    + "; use one producer per group and client, or another instanceName");
        }
    }

    void addConsumer(String clientId, String group, ConsumerHooks hooks) {
        if (consumers.putIfAbsent(group, hooks) != null) {
            throw new IllegalStateException("consumer group " + group + " is already registered in client " + clientId
                    + "; use one consumer per group and client, or another instanceName");
        }
    }

    boolean removeProducer(String group) {
        return producers.remove(group) != null;
    }

    boolean removeConsumer(String group) {
        return consumers.remove(group) != null;
    }

    Optional<TransactionChecker> checker(String producerGroup) {
        return Optional.ofNullable(producerGroup == null ? null : producers.get(producerGroup));
    }

    Optional<ConsumerHooks> consumer(String group) {
        return Optional.ofNullable(group == null ? null : consumers.get(group));
    }

    boolean hasConsumers() {
        return !consumers.isEmpty();
    }

    boolean isEmpty() {
        return producers.isEmpty() && consumers.isEmpty();
    }

    HeartbeatData heartbeat(String clientId) {
        var producerData = new LinkedHashSet<ProducerData>();
        producers.keySet().stream().sorted().forEach(group -> producerData.add(new ProducerData(group)));
        var consumerData = new LinkedHashSet<ConsumerData>();
        for (var hooks : consumers.values()) {
            try {
                consumerData.add(hooks.consumerData());
            } catch (RuntimeException e) {
                log.warn("consumer hooks failed to describe their group for the heartbeat", e);
            }
        }
        return new HeartbeatData(clientId, producerData, consumerData);
    }
}
