package io.mq.client;

import io.mq.protocol.body.ClusterInfo;
import io.mq.protocol.body.TopicList;
import io.mq.protocol.body.TopicRouteData;
import io.mq.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.mq.protocol.header.GetRouteInfoRequestHeader;
import io.mq.protocol.header.GetTopicsByClusterRequestHeader;
import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemotingClient;
import io.mq.protocol.transport.RemotingException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed requests to the name servers. Sticks to the name server that answered last; when it cannot be reached the
 * next one in the list is tried, and the first that answers becomes the one to stick to.
 */
public final class NameServerApi {

    private static final Logger log = LoggerFactory.getLogger(NameServerApi.class);

    private final RemotingClient remoting;
    private final List<String> addresses;
    private final long timeoutMillis;
    private final AtomicInteger current = new AtomicInteger();

    public NameServerApi(RemotingClient remoting, List<String> addresses, Duration timeout) {
        this.remoting = remoting;
        this.addresses = List.copyOf(addresses);
        this.timeoutMillis = timeout.toMillis();
    }

    /** The route of a topic; empty when the name server knows no broker serving it (TOPIC_NOT_EXIST). */
    public Optional<TopicRouteData> findRoute(String topic) {
        var response = invoke("route of topic " + topic, RequestCode.GET_ROUTEINFO_BY_TOPIC,
                new GetRouteInfoRequestHeader(topic, null));
        if (response.code() == ResponseCode.TOPIC_NOT_EXIST) {
            return Optional.empty();
        }
        return Optional.of(TopicRouteData.decode(successBody("route of topic " + topic, response)));
    }

    /** The route of a topic; throws with the name server's TOPIC_NOT_EXIST and remark when it has none. */
    public TopicRouteData route(String topic) {
        var action = "route of topic " + topic;
        return TopicRouteData.decode(successBody(action,
                invoke(action, RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null))));
    }

    public ClusterInfo clusterInfo() {
        var action = "cluster info";
        return ClusterInfo.decode(successBody(action, invoke(action, RequestCode.GET_BROKER_CLUSTER_INFO, null)));
    }

    public TopicList topicList() {
        var action = "topic list";
        return TopicList.decode(successBody(action,
                invoke(action, RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null)));
    }

    public TopicList topicsOfCluster(String cluster) {
        var action = "topics of cluster " + cluster;
        return TopicList.decode(successBody(action,
                invoke(action, RequestCode.GET_TOPICS_BY_CLUSTER, new GetTopicsByClusterRequestHeader(cluster))));
    }

    /** Removes a topic's route (from the brokers of {@code cluster}, or all when null). */
    public void deleteTopic(String topic, String cluster) {
        var action = "delete topic " + topic + " in name server";
        successBody(action, invoke(action, RequestCode.DELETE_TOPIC_IN_NAMESRV,
                new DeleteTopicFromNamesrvRequestHeader(topic, cluster)));
    }

    /** The name server requests go to now. */
    public String currentAddress() {
        return addresses.get(current.get());
    }

    /** Sends to the current name server, moving on to the next ones while they cannot be reached. */
    public RemotingCommand invoke(String action, int code, CommandHeader header) {
        int start = current.get();
        RemotingException last = null;
        for (int i = 0; i < addresses.size(); i++) {
            int index = (start + i) % addresses.size();
            var address = addresses.get(index);
            try {
                var response = remoting.invokeSync(address, RemotingCommand.request(code, header), timeoutMillis);
                if (index != start && current.compareAndSet(start, index)) {
                    log.info("name server {} answers, using it from now on (was {})", address, addresses.get(start));
                }
                return response;
            } catch (RemotingException e) {
                log.warn("{}: name server {} did not answer: {}", action, address, e.getMessage());
                last = e;
            }
        }
        throw new MqClientException(MqClientException.NO_NAME_SERVER, null, action + " failed: no name server of "
                + addresses + " answered; last error: " + (last == null ? "none" : last.getMessage()), last);
    }

    private byte[] successBody(String action, RemotingCommand response) {
        if (response.code() != ResponseCode.SUCCESS) {
            throw MqClientException.ofResponse(action + " from name server " + currentAddress(), response);
        }
        return response.body() == null ? new byte[0] : response.body();
    }
}
