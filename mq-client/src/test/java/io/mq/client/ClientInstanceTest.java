package io.mq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mq.client.producer.MqProducer;
import io.mq.client.producer.ProducerConfig;
import io.mq.protocol.header.SendMessageRequestHeaderV2;
import io.mq.protocol.remoting.ResponseCode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared client against our broker: name-server failover, routes, errors that say what happened, clean close. */
class ClientInstanceTest {

    @TempDir
    static Path dir;
    static OurBroker broker;

    @BeforeAll
    static void start() {
        broker = OurBroker.start(dir.resolve("auto"));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aDeadFirstNameServerIsSkippedAndTheWorkingOneKept() throws IOException {
        var dead = deadAddress();
        var config = ClientConfig.of(dead + ";" + broker.nameServerAddress()).withInstanceName("failover");
        try (var client = ClientInstance.acquire(config)) {
            var info = client.nameServerApi().clusterInfo();

            assertThat(info.clusterAddrTable()).containsKey("DefaultCluster");
            assertThat(client.nameServerApi().currentAddress()).isEqualTo(broker.nameServerAddress());
            client.nameServerApi().topicList(); // sticks: no second detour through the dead one
            assertThat(client.nameServerApi().currentAddress()).isEqualTo(broker.nameServerAddress());
        }
    }

    @Test
    void noNameServerAnsweringNamesThemAll() throws IOException {
        var dead = deadAddress();
        try (var client = ClientInstance.acquire(ClientConfig.of(dead).withInstanceName("all-dead"))) {
            assertThatThrownBy(() -> client.route("AnyTopic"))
                    .isInstanceOf(MqClientException.class)
                    .hasMessageContaining("no name server of [" + dead + "] answered")
                    .extracting(e -> ((MqClientException) e).responseCode()).isEqualTo(MqClientException.NO_NAME_SERVER);
        }
    }

    @Test
    void equalSettingsShareOneInstanceUntilTheLastClose() {
        var config = broker.clientConfig("shared");
        var first = ClientInstance.acquire(config);
        var second = ClientInstance.acquire(config);

        assertThat(second).isSameAs(first);
        first.close();
        assertThat(first.isClosed()).isFalse();
        second.close();
        assertThat(first.isClosed()).isTrue();
        try (var third = ClientInstance.acquire(config)) {
            assertThat(third).isNotSameAs(first);
        }
    }

    @Test
    void routeListsPublishAndSubscribeQueuesAndTheBrokerDirectoryFollows() {
        try (var producer = MqProducer.start(broker.clientConfig("routes"), ProducerConfig.of("routes-group"))) {
            producer.send(Message.of("RouteTopic", "t", "x"));
            var client = producer.client();

            // the broker registers the auto-created topic with the name server on its own thread, a moment later
            var route = await().atMost(Duration.ofSeconds(10))
                    .until(() -> client.refreshRoute("RouteTopic"), java.util.Optional::isPresent).orElseThrow();

            assertThat(route.publishQueues()).hasSize(4);
            assertThat(route.subscribeQueues()).hasSize(4);
            assertThat(route.masterAddress("broker-a")).contains(broker.brokerAddress());
            assertThat(client.directory().masterAddress("broker-a")).contains(broker.brokerAddress());
            assertThat(client.directory().brokerNameOf(broker.brokerAddress())).contains("broker-a");
        }
    }

    @Test
    void anUnknownTopicWithAutoCreateOffFailsWithTheCodeAndRemark() {
        try (var strict = OurBroker.start(dir.resolve("strict"), c -> c.withAutoCreateTopic(false));
             var producer = MqProducer.start(strict.clientConfig("strict"), ProducerConfig.of("strict-group"))) {

            assertThatThrownBy(() -> producer.send(Message.of("NoSuchTopic", "t", "x")))
                    .isInstanceOf(MqClientException.class)
                    .hasMessageContaining("route of topic NoSuchTopic from name server " + strict.nameServerAddress()
                            + " failed: TOPIC_NOT_EXIST (17)")
                    .satisfies(e -> {
                        var error = (MqClientException) e;
                        assertThat(error.responseCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
                        assertThat(error.remark()).contains("NoSuchTopic");
                    });

            // straight to the broker: its own refusal, named after the broker
            var header = new SendMessageRequestHeaderV2("strict-group", "NoSuchTopic", "TBW102", 4, 0, 0,
                    System.currentTimeMillis(), 0, "", 0, false, null, false, "broker-a");
            assertThatThrownBy(() -> producer.client().brokerApi().send(strict.brokerAddress(), "broker-a", header,
                    new byte[] {1}, "id", 3000))
                    .isInstanceOf(MqClientException.class)
                    .hasMessageStartingWith("send to broker-a (" + strict.brokerAddress()
                            + ") failed: TOPIC_NOT_EXIST (17) topic[NoSuchTopic] not exist")
                    .extracting(e -> ((MqClientException) e).remark()).asString().startsWith("topic[NoSuchTopic]");
        }
    }

    @Test
    void closingTheLastUserStopsEveryThreadTheClientStarted() {
        // Netty numbers each thread pool globally: our client's transport pools are the ones numbered above these
        int lastPoolBefore = threadsNamed("").stream().mapToInt(ClientInstanceTest::nettyPoolId).max().orElse(0);
        var nonDaemonBefore = Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isDaemon())
                .collect(Collectors.toSet());
        var config = broker.clientConfig("close-test");
        var producer = MqProducer.start(config, ProducerConfig.of("close-group"));
        var admin = io.mq.client.admin.MqAdmin.start(config);
        producer.sendAsync(Message.of("CloseTopic", "t", "x")).join();
        admin.clusterInfo();
        assertThat(threadsNamed(ClientThreads.PREFIX)).isNotEmpty();

        producer.close();
        assertThat(threadsNamed(ClientThreads.PREFIX)).as("the admin still holds the client").isNotEmpty();
        admin.close();

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(threadsNamed(ClientThreads.PREFIX)).isEmpty();
            assertThat(threadsNamed("remoting-client-")).allSatisfy(
                    name -> assertThat(nettyPoolId(name)).as(name).isLessThanOrEqualTo(lastPoolBefore));
            assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                    .filter(t -> !nonDaemonBefore.contains(t))).isEmpty();
        });
        assertThatThrownBy(() -> producer.send(Message.of("CloseTopic", "t", "x")))
                .hasMessageContaining("closed");
    }

    private static final Pattern NETTY_THREAD = Pattern.compile(".*-(\\d+)-\\d+$");

    private static int nettyPoolId(String threadName) {
        var matcher = NETTY_THREAD.matcher(threadName);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static Set<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .collect(Collectors.toSet());
    }

    private static String deadAddress() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort(); // closed on return: nothing listens there
        }
    }
}
