package io.mq.broker.client;

import io.mq.protocol.transport.RemoteChannel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A consumer group as the last heartbeats describe it: an immutable snapshot (the admin's consumer
 * connection list and the pull path read it without locks).
 *
 * @param members ordered by client id
 */
public record ConsumerGroupInfo(String group, ConsumeType consumeType, MessageModel messageModel,
                                ConsumeFromWhere consumeFromWhere, List<GroupMember> members,
                                Map<String, Subscription> subscriptions, long lastUpdateMillis) {

    public ConsumerGroupInfo {
        members = members.stream().sorted(Comparator.comparing(GroupMember::clientId)).toList();
        subscriptions = Map.copyOf(subscriptions);
    }

    /** Client ids, sorted as RocketMQ's GET_CONSUMER_LIST_BY_GROUP answer is (clients rebalance on it). */
    public List<String> clientIds() {
        return members.stream().map(GroupMember::clientId).sorted().toList();
    }

    public List<RemoteChannel> channels() {
        return members.stream().map(GroupMember::channel).toList();
    }

    public Optional<GroupMember> member(String clientId) {
        return members.stream().filter(m -> m.clientId().equals(clientId)).findFirst();
    }

    public Optional<Subscription> subscription(String topic) {
        return Optional.ofNullable(subscriptions.get(topic));
    }
}
