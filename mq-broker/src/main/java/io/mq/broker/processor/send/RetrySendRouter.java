package io.mq.broker.processor.send;

import io.mq.broker.subscription.SubscriptionGroups;
import io.mq.broker.topic.TopicNames;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.header.SendMessageRequestHeader;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.remoting.ResponseCode;

/**
 * What happens to a message a client sends to {@code %RETRY%group} itself (RocketMQ's handleRetryAndDLQ): the
 * group must exist; once the message was consumed as often as the group allows (header {@code l}, else the
 * group's retryMaxTimes) it goes to {@code %DLQ%group} instead. This is the seam where the retry/DLQ work
 * (delay back-off, DLQ read permission, metrics) plugs in; every other send passes through untouched.
 */
class RetrySendRouter {

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
        var dlq = topics.createDlqTopic(group);
        // The DLQ has one queue; a delay would only send the message round again.
        return new RetryRoute.Deliver(draft.withTopic(dlq.name()).withQueueId(0)
                .withProperty(MessageProperties.DELAY_TIME_LEVEL, null));
    }
}
