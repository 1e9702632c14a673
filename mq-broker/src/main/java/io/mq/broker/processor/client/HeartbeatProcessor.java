package io.mq.broker.processor.client;

import io.mq.broker.client.ConsumerGroupInfo;
import io.mq.broker.client.ConsumerRegistry;
import io.mq.broker.client.GroupMember;
import io.mq.broker.client.ProducerRegistry;
import io.mq.broker.client.Subscription;
import io.mq.broker.subscription.SubscriptionGroups;
import io.mq.broker.topic.InvalidDefinitionException;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.body.ConsumerData;
import io.mq.protocol.body.HeartbeatData;
import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HEART_BEAT (34): registers the client's consumer and producer groups (RocketMQ's ClientManageProcessor).
 * A consumer group is auto-created when allowed and gets its retry topic; a subscription whose filter does
 * not compile is left out and the answer is SUBSCRIPTION_PARSE_FAILED with the reason (the official clients
 * log a failed heartbeat and carry on; everything else in the heartbeat is registered). We never announce
 * heartbeat v2, so 5.x clients keep sending full heartbeats.
 */
final class HeartbeatProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatProcessor.class);

    private final ConsumerRegistry consumers;
    private final ProducerRegistry producers;
    private final SubscriptionGroups groups;
    private final TopicRegistry topics;
    private final LongSupplier clock;

    HeartbeatProcessor(ConsumerRegistry consumers, ProducerRegistry producers, SubscriptionGroups groups,
                       TopicRegistry topics, LongSupplier clockMillis) {
        this.consumers = consumers;
        this.producers = producers;
        this.groups = groups;
        this.topics = topics;
        this.clock = clockMillis;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        if (request.body() == null || request.body().length == 0) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "heartbeat without a body");
        }
        var heartbeat = HeartbeatData.decode(request.body());
        if (heartbeat.clientID() == null || heartbeat.clientID().isBlank()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "heartbeat without a clientID");
        }
        var member = new GroupMember(heartbeat.clientID(), channel, request.language(), request.version(),
                clock.getAsLong());
        var refusals = new ArrayList<String>();
        for (var consumer : heartbeat.consumerDataSet()) {
            registerConsumer(consumer, member, heartbeat.withoutSub(), refusals);
        }
        for (var producer : heartbeat.producerDataSet()) {
            if (producer.groupName() != null) {
                producers.register(producer.groupName(), member);
            }
        }
        if (!refusals.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SUBSCRIPTION_PARSE_FAILED,
                    String.join("; ", refusals));
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    private void registerConsumer(ConsumerData data, GroupMember member, boolean withoutSub, List<String> refusals) {
        var group = data.groupName();
        if (group == null) {
            refusals.add("consumer data without a groupName");
            return;
        }
        try {
            // As RocketMQ: an unknown group that may not be auto-created still registers, without a retry topic.
            groups.getOrAutoCreate(group).ifPresentOrElse(
                    definition -> topics.createRetryTopic(group, definition.retryQueueNums()),
                    () -> log.warn("consumer group {} of client {} is unknown and auto-creation is off; "
                            + "registered without a retry topic", group, member.clientId()));
        } catch (InvalidDefinitionException e) {
            refusals.add(e.getMessage());
            return;
        }
        var subscriptions = withoutSub ? knownSubscriptions(group) : translate(data, member, refusals);
        consumers.register(group, member, WireEnums.consumeType(data.consumeType()),
                WireEnums.messageModel(data.messageModel()), WireEnums.consumeFromWhere(data.consumeFromWhere()),
                subscriptions);
    }

    private List<Subscription> translate(ConsumerData data, GroupMember member, List<String> refusals) {
        var result = new ArrayList<Subscription>();
        for (SubscriptionData sub : data.subscriptionDataSet()) {
            var outcome = SubscriptionTranslator.translate(sub);
            if (outcome instanceof SubscriptionTranslator.Outcome.Accepted accepted) {
                result.add(accepted.subscription());
            } else if (outcome instanceof SubscriptionTranslator.Outcome.Refused refused) {
                log.warn("client {} of group {}: subscription refused: {}", member.clientId(), data.groupName(),
                        refused.reason());
                refusals.add(refused.reason());
            }
        }
        return result;
    }

    /** A 5.x heartbeat without subscriptions keeps the ones the group has (we never ask for that, but tolerate it). */
    private Collection<Subscription> knownSubscriptions(String group) {
        return consumers.group(group).map(ConsumerGroupInfo::subscriptions).map(m -> List.copyOf(m.values()))
                .orElse(List.of());
    }
}
