package io.mq.broker.processor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.client.ExpressionType;
import io.mq.broker.topic.TopicNames;
import io.mq.protocol.body.ConsumeFromWhere;
import io.mq.protocol.body.ConsumeType;
import io.mq.protocol.body.ConsumerData;
import io.mq.protocol.body.ConsumerListByGroupResponseBody;
import io.mq.protocol.body.HeartbeatData;
import io.mq.protocol.body.MessageModel;
import io.mq.protocol.body.ProducerData;
import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.header.GetConsumerListByGroupRequestHeader;
import io.mq.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import io.mq.protocol.header.UnregisterClientRequestHeader;
import io.mq.protocol.json.Json;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeats, consumer lists and change notifications over real TCP against an embedded broker. */
class ClientProcessorsTest {

    private static final long TIMEOUT = 5_000;
    private static final String GROUP = "orders-consumers";

    @TempDir
    Path storeDir;

    private EmbeddedBroker embedded;
    private final List<NettyRemotingClient> clients = new CopyOnWriteArrayList<>();
    private final ExecutorService clientExecutor = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() {
        embedded = EmbeddedBroker.start(storeDir);
    }

    @AfterEach
    void stop() {
        clients.forEach(NettyRemotingClient::close);
        clientExecutor.shutdownNow();
        embedded.close();
    }

    @Test
    void heartbeatRegistersConsumerAndProducerAndCreatesTheRetryTopic() {
        var client = newClient();
        var response = heartbeat(client, "client-a", consumer(GROUP, tags("orders", "paid || shipped")),
                Set.of(new ProducerData("orders-producers")));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        var runtime = embedded.broker().runtime();
        assertThat(runtime.consumers().clientIds(GROUP)).containsExactly("client-a");
        assertThat(runtime.consumers().subscription(GROUP, "orders")).hasValueSatisfying(sub -> {
            assertThat(sub.expressionType()).isEqualTo(ExpressionType.TAG);
            assertThat(sub.tags()).containsExactlyInAnyOrder("paid", "shipped");
        });
        assertThat(runtime.producers().members("orders-producers")).singleElement()
                .satisfies(m -> assertThat(m.clientId()).isEqualTo("client-a"));
        assertThat(runtime.subscriptionGroups().get(GROUP)).isPresent();
        assertThat(runtime.topics().get(TopicNames.retryTopic(GROUP))).hasValueSatisfying(
                t -> assertThat(t.readQueueNums()).isEqualTo(1));
    }

    @Test
    void sqlSubscriptionIsRegisteredWhenItCompiles() {
        var client = newClient();
        var response = heartbeat(client, "client-a", consumer(GROUP, sql("orders", "amount > 100 AND region = 'EU'")),
                Set.of());

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(embedded.broker().runtime().consumers().subscription(GROUP, "orders"))
                .hasValueSatisfying(sub -> assertThat(sub.expressionType()).isEqualTo(ExpressionType.SQL92));
    }

    @Test
    void invalidSqlSubscriptionIsRefusedWithTheParseErrorAndTheRestIsRegistered() {
        var client = newClient();
        var response = heartbeat(client, "client-a",
                consumer(GROUP, sql("orders", "amount >>> 1"), tags("audit", "*")), Set.of());

        assertThat(response.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
        assertThat(response.remark()).contains("orders").contains("amount >>> 1");
        var consumers = embedded.broker().runtime().consumers();
        assertThat(consumers.subscription(GROUP, "orders")).isEmpty();
        assertThat(consumers.subscription(GROUP, "audit")).isPresent();
    }

    @Test
    void checkClientConfigRefusesAnInvalidSqlAndAcceptsAValidOne() {
        var client = newClient();
        assertThat(checkClientConfig(client, sql("orders", "a = 1")).code()).isEqualTo(ResponseCode.SUCCESS);
        var refused = checkClientConfig(client, sql("orders", "a = = 1"));
        assertThat(refused.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
        assertThat(refused.remark()).isNotBlank();
        assertThat(checkClientConfig(client, tags("orders", "x")).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void consumerListIsSortedByClientId() {
        heartbeat(newClient(), "client-b", consumer(GROUP, tags("orders", "*")), Set.of());
        heartbeat(newClient(), "client-a", consumer(GROUP, tags("orders", "*")), Set.of());

        var response = consumerList(newClient(), GROUP);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(ConsumerListByGroupResponseBody.decode(response.body()).consumerIdList())
                .containsExactly("client-a", "client-b");
    }

    @Test
    void consumerListOfAnEmptyGroupIsASystemError() {
        var response = consumerList(newClient(), "nobody");

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("no consumer for this group, nobody");
    }

    @Test
    void aJoiningConsumerMakesTheFirstOneRebalance() {
        var notified = new CopyOnWriteArrayList<String>();
        var first = newClient();
        first.registerProcessor(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, (channel, request) -> {
            notified.add(NotifyConsumerIdsChangedRequestHeader.from(request).consumerGroup());
            return null;
        }, clientExecutor);
        heartbeat(first, "client-a", consumer(GROUP, tags("orders", "*")), Set.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> notified.contains(GROUP)); // its own joining
        notified.clear();

        heartbeat(newClient(), "client-b", consumer(GROUP, tags("orders", "*")), Set.of());

        await().atMost(Duration.ofSeconds(5)).until(() -> notified.contains(GROUP));
    }

    @Test
    void aRepeatedHeartbeatChangesNothingAndNotifiesNobody() {
        var notified = new CopyOnWriteArrayList<String>();
        var first = newClient();
        first.registerProcessor(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, (channel, request) -> {
            notified.add(NotifyConsumerIdsChangedRequestHeader.from(request).consumerGroup());
            return null;
        }, clientExecutor);
        heartbeat(first, "client-a", consumer(GROUP, tags("orders", "*")), Set.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> notified.size() == 1);

        notified.clear();
        heartbeat(first, "client-a", consumer(GROUP, tags("orders", "*")), Set.of());
        // A change of another group on the same channel: a notification for the repeat would arrive before it.
        heartbeat(first, "client-a", consumer("other-group", tags("orders", "*")), Set.of());

        await().atMost(Duration.ofSeconds(5)).until(() -> notified.contains("other-group"));
        assertThat(notified).containsExactly("other-group");
    }

    @Test
    void closingAConnectionRemovesItsConsumerFromTheList() {
        heartbeat(newClient(), "client-a", consumer(GROUP, tags("orders", "*")), Set.of());
        var leaving = newClient();
        heartbeat(leaving, "client-b", consumer(GROUP, tags("orders", "*")), Set.of());
        var consumers = embedded.broker().runtime().consumers();
        assertThat(consumers.clientIds(GROUP)).containsExactly("client-a", "client-b");

        leaving.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> consumers.clientIds(GROUP).equals(List.of("client-a")));
    }

    @Test
    void unregisterClientLeavesBothGroups() {
        var client = newClient();
        heartbeat(client, "client-a", consumer(GROUP, tags("orders", "*")), Set.of(new ProducerData("p-group")));
        var request = RemotingCommand.request(RequestCode.UNREGISTER_CLIENT,
                new UnregisterClientRequestHeader("client-a", "p-group", GROUP));

        var response = client.invokeSync(embedded.brokerAddress(), request, TIMEOUT);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        var runtime = embedded.broker().runtime();
        assertThat(runtime.consumers().clientIds(GROUP)).isEmpty();
        assertThat(runtime.producers().members("p-group")).isEmpty();
    }

    @Test
    void notificationsCanBeTurnedOffPerGroup() {
        var groups = embedded.broker().runtime().subscriptionGroups();
        groups.createOrUpdate(io.mq.broker.subscription.SubscriptionGroupDefinition.defaults("quiet")
                .withNotifyConsumerIdsChangedEnable(false));
        var notified = new CopyOnWriteArrayList<String>();
        var first = newClient();
        first.registerProcessor(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, (channel, request) -> {
            notified.add(NotifyConsumerIdsChangedRequestHeader.from(request).consumerGroup());
            return null;
        }, clientExecutor);
        heartbeat(first, "client-a", consumer("quiet", tags("orders", "*")), Set.of());
        heartbeat(first, "client-a", consumer(GROUP, tags("orders", "*")), Set.of());

        // The loud group's notification arrives; the quiet one's, sent before it on the same channel, never did.
        await().atMost(Duration.ofSeconds(5)).until(() -> notified.contains(GROUP));
        assertThat(notified).doesNotContain("quiet");
    }

    private NettyRemotingClient newClient() {
        var client = new NettyRemotingClient();
        clients.add(client);
        return client;
    }

    private RemotingCommand heartbeat(NettyRemotingClient client, String clientId, ConsumerData consumer,
                                      Set<ProducerData> producers) {
        var body = new HeartbeatData(clientId, producers, consumer == null ? Set.of() : Set.of(consumer));
        var request = RemotingCommand.request(RequestCode.HEART_BEAT, null).body(body.encode());
        return client.invokeSync(embedded.brokerAddress(), request, TIMEOUT);
    }

    private RemotingCommand consumerList(NettyRemotingClient client, String group) {
        var request = RemotingCommand.request(RequestCode.GET_CONSUMER_LIST_BY_GROUP,
                new GetConsumerListByGroupRequestHeader(group));
        return client.invokeSync(embedded.brokerAddress(), request, TIMEOUT);
    }

    private RemotingCommand checkClientConfig(NettyRemotingClient client, SubscriptionData subscription) {
        var body = Json.writeBytes(Map.of("clientId", "client-a", "group", GROUP, "subscriptionData", subscription));
        var request = RemotingCommand.request(RequestCode.CHECK_CLIENT_CONFIG, null).body(body);
        return client.invokeSync(embedded.brokerAddress(), request, TIMEOUT);
    }

    static ConsumerData consumer(String group, SubscriptionData... subscriptions) {
        return new ConsumerData(group, ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, Set.of(subscriptions), false);
    }

    static SubscriptionData tags(String topic, String expression) {
        return new SubscriptionData(false, topic, expression, Set.of(), Set.of(), 1, SubscriptionData.TAG);
    }

    static SubscriptionData sql(String topic, String expression) {
        return new SubscriptionData(false, topic, expression, Set.of(), Set.of(), 1, SubscriptionData.SQL92);
    }
}
