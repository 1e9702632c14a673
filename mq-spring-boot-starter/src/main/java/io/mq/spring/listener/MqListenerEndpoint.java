package io.mq.spring.listener;

import io.mq.client.consumer.ConsumeFrom;
import io.mq.client.consumer.MessageSelector;
import java.util.Objects;

/**
 * One listener to run, its annotation attributes resolved: what to consume, how, and the handler to call. Null
 * settings take the container factory's defaults.
 *
 * @param id                 the container's id in the registry
 * @param topic              the topic
 * @param group              the consumer group
 * @param selector           tag or SQL92 selector
 * @param consumeMode        concurrently or orderly
 * @param messageModel       clustering or broadcasting
 * @param maxReconsumeTimes  retries before the dead-letter queue, null for the default
 * @param consumeThreads     threads of a concurrent listener, null for the default
 * @param consumeFrom        start of a new group, null for the default
 * @param autoStartup        whether the container starts with the context
 * @param handler            what each message is given to
 */
public record MqListenerEndpoint(
        String id,
        String topic,
        String group,
        MessageSelector selector,
        ConsumeMode consumeMode,
        MessageModel messageModel,
        Integer maxReconsumeTimes,
        Integer consumeThreads,
        ConsumeFrom consumeFrom,
        boolean autoStartup,
        MqMessageHandler handler) {

    public MqListenerEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(consumeMode, "consumeMode");
        Objects.requireNonNull(messageModel, "messageModel");
        Objects.requireNonNull(handler, "handler");
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("listener " + id + " has no topic");
        }
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("listener " + id + " has no consumer group");
        }
    }

    /** An endpoint with defaults for everything but what to consume and whom to call. */
    public static MqListenerEndpoint of(String id, String topic, String group, MqMessageHandler handler) {
        return new MqListenerEndpoint(id, topic, group, MessageSelector.all(), ConsumeMode.CONCURRENTLY,
                MessageModel.CLUSTERING, null, null, null, true, handler);
    }
}
