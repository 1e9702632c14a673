package io.mq.broker.subscription;

import io.mq.broker.topic.InvalidDefinitionException;
import io.mq.broker.topic.TopicNames;

/**
 * A consumer group's broker-side settings (RocketMQ's SubscriptionGroupConfig): whether it may consume,
 * how many retry queues it gets and how often a message is retried before the dead-letter queue.
 *
 * @param whichBrokerWhenConsumeSlowly the broker id a slow consumer is redirected to (a slave)
 * @param notifyConsumerIdsChangedEnable tell members when the group's membership changes (they rebalance)
 */
public record SubscriptionGroupDefinition(String groupName, boolean consumeEnable, boolean consumeFromMinEnable,
                                          boolean consumeBroadcastEnable, int retryQueueNums, int retryMaxTimes,
                                          long brokerId, long whichBrokerWhenConsumeSlowly,
                                          boolean notifyConsumerIdsChangedEnable) {

    public static final int DEFAULT_RETRY_QUEUE_NUMS = 1;
    public static final int DEFAULT_RETRY_MAX_TIMES = 16;
    public static final long MASTER_ID = 0;

    public SubscriptionGroupDefinition {
        TopicNames.validateGroup(groupName);
        if (retryQueueNums < 1) {
            throw new InvalidDefinitionException("Group '" + groupName + "': retryQueueNums must be at least 1, was "
                    + retryQueueNums);
        }
        if (retryMaxTimes < 0) {
            throw new InvalidDefinitionException("Group '" + groupName + "': retryMaxTimes must not be negative, was "
                    + retryMaxTimes);
        }
        if (brokerId < 0 || whichBrokerWhenConsumeSlowly < 0) {
            throw new InvalidDefinitionException("Group '" + groupName + "': broker ids must not be negative, were "
                    + brokerId + " and " + whichBrokerWhenConsumeSlowly);
        }
    }

    /** RocketMQ's defaults: consume enabled, 1 retry queue, 16 retries, read from the master (id 0). */
    public static SubscriptionGroupDefinition defaults(String groupName) {
        return new SubscriptionGroupDefinition(groupName, true, true, true, DEFAULT_RETRY_QUEUE_NUMS,
                DEFAULT_RETRY_MAX_TIMES, MASTER_ID, 1, true);
    }

    public SubscriptionGroupDefinition withConsumeEnable(boolean enable) {
        return new SubscriptionGroupDefinition(groupName, enable, consumeFromMinEnable, consumeBroadcastEnable,
                retryQueueNums, retryMaxTimes, brokerId, whichBrokerWhenConsumeSlowly, notifyConsumerIdsChangedEnable);
    }

    public SubscriptionGroupDefinition withRetry(int queueNums, int maxTimes) {
        return new SubscriptionGroupDefinition(groupName, consumeEnable, consumeFromMinEnable, consumeBroadcastEnable,
                queueNums, maxTimes, brokerId, whichBrokerWhenConsumeSlowly, notifyConsumerIdsChangedEnable);
    }

    public SubscriptionGroupDefinition withNotifyConsumerIdsChangedEnable(boolean enable) {
        return new SubscriptionGroupDefinition(groupName, consumeEnable, consumeFromMinEnable, consumeBroadcastEnable,
                retryQueueNums, retryMaxTimes, brokerId, whichBrokerWhenConsumeSlowly, enable);
    }
}
