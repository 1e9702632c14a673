package io.mq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * A push consumer's listener that records every delivery by message id (the producer's unique id), so a test can
 * wait for a set of ids and then prove that none came twice.
 */
public final class Received implements MessageListenerConcurrently {

    private final Map<String, MessageExt> byId = new ConcurrentHashMap<>();
    private final List<String> duplicates = new CopyOnWriteArrayList<>();
    private final AtomicInteger deliveries = new AtomicInteger();

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        for (var message : messages) {
            deliveries.incrementAndGet();
            if (byId.putIfAbsent(message.getMsgId(), message) != null) {
                duplicates.add(message.getMsgId());
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    public Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }

    public MessageExt byId(String msgId) {
        return byId.get(msgId);
    }

    /** The keys of every message received so far. */
    public Set<String> keys() {
        return byId.values().stream().map(MessageExt::getKeys).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    /** The bodies (UTF-8) of every message received so far. */
    public Set<String> bodies() {
        return byId.values().stream().map(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> tags() {
        return byId.values().stream().map(MessageExt::getTags).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    public List<String> duplicates() {
        return List.copyOf(duplicates);
    }

    public int deliveries() {
        return deliveries.get();
    }

    public int count() {
        return byId.size();
    }

    /** Waits until every one of {@code msgIds} has arrived. */
    public void awaitIds(Collection<String> msgIds) {
        await("delivery of " + msgIds.size() + " messages").atMost(Clients.DELIVERY_TIMEOUT)
                .untilAsserted(() -> assertThat(byId.keySet()).as("ids received").containsAll(msgIds));
    }

    /** Waits until at least {@code count} distinct messages have arrived. */
    public void awaitCount(int count) {
        await("delivery of " + count + " messages").atMost(Clients.DELIVERY_TIMEOUT)
                .until(() -> byId.size() >= count);
    }

    /** Holds for a quiet window and proves that exactly {@code expected} deliveries happened: no late duplicates. */
    public void assertDeliveredExactly(int expected) {
        await("no redelivery").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> deliveries.get() == expected && duplicates.isEmpty());
    }
}
