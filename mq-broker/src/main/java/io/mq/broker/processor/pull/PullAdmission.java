package io.mq.broker.processor.pull;

import io.mq.broker.client.ConsumerRegistry;
import io.mq.broker.client.MessageModel;
import io.mq.broker.subscription.SubscriptionGroups;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.header.PullMessageRequestHeader;
import io.mq.protocol.remoting.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks RocketMQ's PullMessageProcessor makes before it reads, in its order and with its codes: the group
 * exists and may consume, the topic exists and is readable, the queue is in range, and the subscription (sent with
 * the request, or registered by the group's heartbeat) compiles and is current.
 */
final class PullAdmission {

    private static final Logger log = LoggerFactory.getLogger(PullAdmission.class);

    private final TopicRegistry topics;
    private final SubscriptionGroups groups;
    private final ConsumerRegistry consumers;
    private final FilterCache filters = new FilterCache();

    PullAdmission(TopicRegistry topics, SubscriptionGroups groups, ConsumerRegistry consumers) {
        this.topics = topics;
        this.groups = groups;
        this.consumers = consumers;
    }

    Admission admit(PullMessageRequestHeader header, String client) {
        var group = groups.getOrAutoCreate(header.consumerGroup()).orElse(null);
        if (group == null) {
            return new Admission.Refused(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "subscription group [" + header.consumerGroup() + "] does not exist");
        }
        if (!group.consumeEnable()) {
            return new Admission.Refused(ResponseCode.NO_PERMISSION,
                    "subscription group no permission, " + header.consumerGroup());
        }
        var topic = topics.get(header.topic()).orElse(null);
        if (topic == null) {
            log.warn("pull from unknown topic {} by {} ({})", header.topic(), header.consumerGroup(), client);
            return new Admission.Refused(ResponseCode.TOPIC_NOT_EXIST,
                    "topic[" + header.topic() + "] not exist, apply first please!");
        }
        if (!topic.isReadable()) {
            return new Admission.Refused(ResponseCode.NO_PERMISSION,
                    "the topic[" + header.topic() + "] pulling message is forbidden");
        }
        if (header.queueId() < 0 || header.queueId() >= topic.readQueueNums()) {
            var remark = String.format("queueId[%d] is illegal, topic:[%s] topicConfig.readQueueNums:[%d] consumer:[%s]",
                    header.queueId(), header.topic(), topic.readQueueNums(), client);
            log.warn(remark);
            return new Admission.Refused(ResponseCode.SYSTEM_ERROR, remark);
        }
        return header.subscriptionPresent() ? fromRequest(header) : fromRegistry(header, group.consumeBroadcastEnable());
    }

    private Admission fromRequest(PullMessageRequestHeader header) {
        try {
            return new Admission.Admitted(filters.get(header.expressionType(), header.subscription()));
        } catch (IllegalArgumentException e) { // FilterSyntaxException, or an unknown expression type
            return parseFailed(header, e);
        }
    }

    private static Admission parseFailed(PullMessageRequestHeader header, IllegalArgumentException e) {
        log.warn("cannot parse the subscription [{}] of group {}: {}", header.subscription(), header.consumerGroup(),
                e.getMessage());
        return new Admission.Refused(ResponseCode.SUBSCRIPTION_PARSE_FAILED,
                "parse the consumer's subscription failed: " + e.getMessage());
    }

    private Admission fromRegistry(PullMessageRequestHeader header, boolean broadcastAllowed) {
        var info = consumers.group(header.consumerGroup()).orElse(null);
        if (info == null) {
            return new Admission.Refused(ResponseCode.SUBSCRIPTION_NOT_EXIST,
                    "the consumer's group info not exist");
        }
        if (!broadcastAllowed && info.messageModel() == MessageModel.BROADCASTING) {
            return new Admission.Refused(ResponseCode.NO_PERMISSION,
                    "the consumer group[" + header.consumerGroup() + "] can not consume by broadcast way");
        }
        var subscription = info.subscription(header.topic()).orElse(null);
        if (subscription == null) {
            return new Admission.Refused(ResponseCode.SUBSCRIPTION_NOT_EXIST,
                    "the consumer's subscription not exist");
        }
        // The client's heartbeat with its newer subscription has not reached us yet.
        if (subscription.subVersion() < header.subVersion()) {
            return new Admission.Refused(ResponseCode.SUBSCRIPTION_NOT_LATEST,
                    "the consumer's subscription not latest");
        }
        try {
            return new Admission.Admitted(filters.get(subscription.expressionType().name(), subscription.expression()));
        } catch (IllegalArgumentException e) {
            return parseFailed(header, e);
        }
    }
}
