package io.mq.broker.processor.reply;

import io.mq.broker.client.ConsumerRegistry;
import io.mq.broker.client.GroupMember;
import io.mq.broker.client.ProducerRegistry;
import io.mq.protocol.transport.RemoteChannel;
import java.util.Optional;

/**
 * Finds the live connection of a client by its client id. RocketMQ looks among producers only; a requester is a
 * producer, but a client that also consumes shares the same connection, so consumers are a harmless fallback.
 */
final class RequesterChannels {

    private final ProducerRegistry producers;
    private final ConsumerRegistry consumers;

    RequesterChannels(ProducerRegistry producers, ConsumerRegistry consumers) {
        this.producers = producers;
        this.consumers = consumers;
    }

    Optional<RemoteChannel> find(String clientId) {
        for (String group : producers.groups()) {
            var found = live(producers.members(group).stream()
                    .filter(m -> m.clientId().equals(clientId)).map(GroupMember::channel).findFirst());
            if (found.isPresent()) {
                return found;
            }
        }
        for (String group : consumers.groups()) {
            var found = live(consumers.channelOf(group, clientId));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<RemoteChannel> live(Optional<RemoteChannel> channel) {
        return channel.filter(RemoteChannel::isActive);
    }
}
