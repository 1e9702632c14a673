package io.mq.broker.namesrv;

import io.mq.protocol.header.AddWritePermOfBrokerRequestHeader;
import io.mq.protocol.header.AddWritePermOfBrokerResponseHeader;
import io.mq.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.mq.protocol.header.GetRouteInfoRequestHeader;
import io.mq.protocol.header.GetTopicsByClusterRequestHeader;
import io.mq.protocol.header.WipeWritePermOfBrokerRequestHeader;
import io.mq.protocol.header.WipeWritePermOfBrokerResponseHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Requests clients and admin tools send about routes, clusters and topics. */
final class RouteRequests {

    /** MQVersion.Version.V4_9_4's ordinal: from this client version on, routes are sent as strict JSON. */
    static final int V4_9_4 = 401;
    static final String NO_ROUTE = "No topic route info in name server for the topic: ";
    private static final String APPLY_TOPIC_FAQ = "\nSee http://rocketmq.apache.org/docs/faq/ for further details.";

    private static final Logger log = LoggerFactory.getLogger(RouteRequests.class);

    private final RouteRegistry registry;
    private final KvConfigStore kvConfig;
    private final boolean orderMessageEnable;

    RouteRequests(RouteRegistry registry, KvConfigStore kvConfig, boolean orderMessageEnable) {
        this.registry = registry;
        this.kvConfig = kvConfig;
        this.orderMessageEnable = orderMessageEnable;
    }

    RemotingCommand route(RemoteChannel channel, RemotingCommand request) {
        var header = GetRouteInfoRequestHeader.from(request);
        var route = registry.route(header.topic());
        if (route.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST,
                    NO_ROUTE + header.topic() + APPLY_TOPIC_FAQ);
        }
        var data = route.get();
        if (orderMessageEnable) {
            data = data.withOrderTopicConf(kvConfig.get(KvConfigStore.ORDER_TOPIC_CONFIG, header.topic()).orElse(null));
        }
        // Non-Java clients cannot read fastjson's unquoted Long keys; RocketMQ sends strict JSON to new clients.
        boolean standardJson = request.version() >= V4_9_4 || Boolean.TRUE.equals(header.acceptStandardJsonOnly());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(data.encode(standardJson));
    }

    RemotingCommand clusterInfo(RemoteChannel channel, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(registry.clusterInfo().encode());
    }

    RemotingCommand allTopics(RemoteChannel channel, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(registry.allTopics().encode());
    }

    RemotingCommand topicsByCluster(RemoteChannel channel, RemotingCommand request) {
        var header = GetTopicsByClusterRequestHeader.from(request);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .body(registry.topicsByCluster(header.cluster()).encode());
    }

    RemotingCommand systemTopics(RemoteChannel channel, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(registry.systemTopics().encode());
    }

    RemotingCommand deleteTopic(RemoteChannel channel, RemotingCommand request) {
        var header = DeleteTopicFromNamesrvRequestHeader.from(request);
        if (header.clusterName() == null || header.clusterName().isEmpty()) {
            registry.deleteTopic(header.topic());
        } else {
            registry.deleteTopic(header.topic(), header.clusterName());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    RemotingCommand wipeWritePerm(RemoteChannel channel, RemotingCommand request) {
        var header = WipeWritePermOfBrokerRequestHeader.from(request);
        int topics = registry.wipeWritePerm(header.brokerName());
        log.info("write permission of broker {} wiped on {} topics, asked by {}", header.brokerName(), topics,
                channel.remoteAddress());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .putHeader(new WipeWritePermOfBrokerResponseHeader(topics));
    }

    RemotingCommand addWritePerm(RemoteChannel channel, RemotingCommand request) {
        var header = AddWritePermOfBrokerRequestHeader.from(request);
        int topics = registry.addWritePerm(header.brokerName());
        log.info("write permission of broker {} restored on {} topics, asked by {}", header.brokerName(), topics,
                channel.remoteAddress());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .putHeader(new AddWritePermOfBrokerResponseHeader(topics));
    }
}
