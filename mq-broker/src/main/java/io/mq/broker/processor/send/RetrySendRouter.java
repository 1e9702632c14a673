package io.mq.broker.processor.send;

import io.mq.broker.subscription.SubscriptionGroups;
import io.mq.broker.topic.Perm;
import io.mq.broker.topic.TopicNames;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.header.SendMessageRequestHeader;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.remoting.ResponseCode;

/**
 * What happens to a message a client sends to {@code %RETRY%group} itself (RocketMQ's handleRetryAndDLQ; the
 * official clients do it when CONSUMER_SEND_MSG_BACK fails): the group must exist; while the message was consumed
 * fewer times than the group allows (header {@code maxReconsumeTimes}, else the group's retryMaxTimes) it is
 * stored as sent, its DELAY level then holding it back like any delayed message; after that it goes to
 * {@code %DLQ%group} (one queue, created read-write as RocketMQ's createTopicInSendMessageBackMethod does, so an
 * operator's consumer can read it) with DELAY=0. Every other send passes through untouched.
 */
class RetrySendRouter {

    /** RocketMQ's DLQ_NUMS_PER_GROUP. */
    static final int DLQ_QUEUE_NUMS = 1;

    private final SubscriptionGroups groups;
    private final TopicRegistry topics;

    RetrySendRouter(SubscriptionGroups groups, TopicRegistry topics) {
        this.groups = groups;
        this.topics = topics;
    }

    RetryRoute route(SendMessageRequestHeader header, MessageDraft draft) {
        if (!TopicNames.isRetryTopic(draft.topic())) {
            return new RetryRoute.Deliver(draft);
        }
        String group = draft.topic().substring(TopicNames.RETRY_PREFIX.length());
        var definition = groups.getOrAutoCreate(group);
        if (definition.isEmpty()) {
            return new Refusal(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group not exist, " + group
                    + ": create it before sending to " + draft.topic());
        }
        int maxReconsumeTimes = header.maxReconsumeTimes() != null
                ? header.maxReconsumeTimes() : definition.get().retryMaxTimes();
        if (draft.reconsumeTimes() < maxReconsumeTimes) {
            return new RetryRoute.Deliver(draft);
        }
        var dlq = topics.createIfAbsent(TopicNames.dlqTopic(group), DLQ_QUEUE_NUMS, Perm.READ_WRITE, 0);
        // As RocketMQ: DELAY=0 (never held again) and a queue of the DLQ (it has one).
        return new RetryRoute.Deliver(draft.withTopic(dlq.name()).withQueueId(0)
                .withProperty(MessageProperties.DELAY_TIME_LEVEL, "0"));
    }
}
