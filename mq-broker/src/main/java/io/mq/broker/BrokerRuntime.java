package io.mq.broker;

import io.mq.broker.client.ConsumerRegistry;
import io.mq.broker.client.ProducerRegistry;
import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.store.MessageStore;
import io.mq.broker.subscription.SubscriptionGroups;
import io.mq.broker.topic.TopicRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The parts of a running broker, handed to the code that builds request processors. A processor takes from it
 * only the two or three collaborators it needs, through its constructor; nothing keeps this record around.
 *
 * @param sendExecutor  runs send processors (few threads: the store has one writer anyway)
 * @param pullExecutor  runs pull processors and answers held pulls
 * @param adminExecutor runs admin and client-management requests
 * @param scheduler     for periodic work (lock expiry, held-pull timeouts)
 */
public record BrokerRuntime(
        BrokerConfig config,
        MessageStore store,
        TopicRegistry topics,
        ConsumerOffsets offsets,
        SubscriptionGroups subscriptionGroups,
        ConsumerRegistry consumers,
        ProducerRegistry producers,
        ExecutorService sendExecutor,
        ExecutorService pullExecutor,
        ExecutorService adminExecutor,
        ScheduledExecutorService scheduler) {
}
