package io.mq.broker.processor.admin;

import io.mq.broker.client.ConsumerRegistry;
import io.mq.broker.client.GroupMember;
import io.mq.broker.client.ProducerRegistry;
import io.mq.broker.client.Subscription;
import io.mq.protocol.body.ConsumeFromWhere;
import io.mq.protocol.body.ConsumeType;
import io.mq.protocol.body.Connection;
import io.mq.protocol.body.ConsumerConnection;
import io.mq.protocol.body.MessageModel;
import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.header.ExtFieldReader;
import io.mq.protocol.header.GetConsumerConnectionListRequestHeader;
import io.mq.protocol.json.Json;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/** Who is connected: a consumer group's connections and subscriptions (203), a producer group's connections (204). */
final class Connections {

    private final ConsumerRegistry consumers;
    private final ProducerRegistry producers;

    Connections(ConsumerRegistry consumers, ProducerRegistry producers) {
        this.consumers = consumers;
        this.producers = producers;
    }

    RemotingCommand consumerConnections(RemoteChannel channel, RemotingCommand request) {
        var group = GetConsumerConnectionListRequestHeader.from(request).consumerGroup();
        var info = consumers.group(group);
        if (info.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.CONSUMER_NOT_ONLINE,
                    "the consumer group[" + group + "] not online");
        }
        var g = info.get();
        var connections = new LinkedHashSet<Connection>();
        g.members().forEach(m -> connections.add(connection(m)));
        var subscriptions = new LinkedHashMap<String, SubscriptionData>();
        g.subscriptions().forEach((topic, sub) -> subscriptions.put(topic, subscriptionData(sub)));
        var body = new ConsumerConnection(connections, subscriptions, ConsumeType.valueOf(g.consumeType().name()),
                MessageModel.valueOf(g.messageModel().name()), ConsumeFromWhere.valueOf(g.consumeFromWhere().name()));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(body.encode());
    }

    RemotingCommand producerConnections(RemoteChannel channel, RemotingCommand request) {
        var group = ExtFieldReader.of(request).string("producerGroup");
        var members = producers.members(group);
        if (members.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                    "the producer group[" + group + "] not exist");
        }
        var connections = new LinkedHashSet<Connection>();
        members.forEach(m -> connections.add(connection(m)));
        // ProducerConnection is just {"connectionSet":[...]}.
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .body(Json.writeBytes(Map.of("connectionSet", connections)));
    }

    private static Connection connection(GroupMember member) {
        return new Connection(member.clientId(), member.channel().remoteAddress(), member.language(), member.version());
    }

    private static SubscriptionData subscriptionData(Subscription sub) {
        return new SubscriptionData(false, sub.topic(), sub.expression(), sub.tags(), sub.tagHashCodes(),
                sub.subVersion(), sub.expressionType().name());
    }
}
