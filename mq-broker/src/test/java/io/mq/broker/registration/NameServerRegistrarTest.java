package io.mq.broker.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.namesrv.NameServer;
import io.mq.broker.namesrv.NameServerConfig;
import io.mq.protocol.body.DataVersion;
import io.mq.protocol.body.QueueData;
import io.mq.protocol.body.TopicConfig;
import io.mq.protocol.body.TopicConfigSerializeWrapper;
import io.mq.protocol.transport.NettyRemotingClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NameServerRegistrarTest {

    private static final BrokerIdentity BROKER = BrokerIdentity.master("DefaultCluster", "broker-a",
            "127.0.0.1:10911", "127.0.0.1:10912");

    private final List<TopicConfig> topics = new CopyOnWriteArrayList<>(List.of(TopicConfig.of("orders", 4, 4)));
    private NameServer nameServer;
    private final NettyRemotingClient client = new NettyRemotingClient();
    private NameServerRegistrar registrar;

    @AfterEach
    void stop() {
        if (registrar != null) {
            registrar.close();
        }
        client.close();
        if (nameServer != null) {
            nameServer.close();
        }
    }

    @Test
    void registersAtStart() {
        startNameServer(Duration.ofSeconds(60));
        registrar = registrar(List.of(nameServer.localAddress()), RegistrarConfig.defaults());

        registrar.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> nameServer.registry().route("orders").isPresent());
        assertThat(nameServer.registry().route("orders").orElseThrow().brokerDatas().get(0).masterAddr())
                .isEqualTo("127.0.0.1:10911");
    }

    @Test
    void startReturnsOnceTheNameServerRoutesTheBroker() {
        startNameServer(Duration.ofSeconds(60));
        registrar = registrar(List.of(nameServer.localAddress()), RegistrarConfig.defaults());

        registrar.start();

        assertThat(nameServer.registry().route("orders")).isPresent();
    }

    @Test
    void startWithAnUnreachableNameServerStillReturnsAndRegistersWithTheOthers() throws Exception {
        startNameServer(Duration.ofSeconds(60));
        registrar = registrar(List.of("127.0.0.1:" + freePort(), nameServer.localAddress()), RegistrarConfig.defaults());

        registrar.start();

        assertThat(nameServer.registry().route("orders")).isPresent();
    }

    @Test
    void registerNowPublishesANewTopic() throws Exception {
        startNameServer(Duration.ofSeconds(60));
        registrar = registrar(List.of(nameServer.localAddress()), RegistrarConfig.defaults());
        registrar.start();
        topics.add(TopicConfig.of("payments", 2, 2));

        var results = registrar.registerNow().get(5, TimeUnit.SECONDS);

        assertThat(results).hasSize(1);
        assertThat(nameServer.registry().route("payments").orElseThrow().queueDatas())
                .containsExactly(new QueueData("broker-a", 2, 2, 6, 0));
    }

    @Test
    void compressedRegistrationWorks() throws Exception {
        startNameServer(Duration.ofSeconds(60));
        registrar = registrar(List.of(nameServer.localAddress()), RegistrarConfig.defaults().withCompressBody(true));

        assertThat(registrar.registerNow().get(5, TimeUnit.SECONDS)).hasSize(1);
        assertThat(nameServer.registry().route("orders")).isPresent();
    }

    @Test
    void periodicRegistrationKeepsTheBrokerAliveBeyondTheExpiry() {
        startNameServer(Duration.ofMillis(600));
        registrar = registrar(List.of(nameServer.localAddress()), RegistrarConfig.defaults().withPeriod(Duration.ofMillis(150)));
        registrar.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> nameServer.registry().route("orders").isPresent());

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> nameServer.registry().route("orders").isPresent());
    }

    @Test
    void unregistersOnClose() {
        startNameServer(Duration.ofSeconds(60));
        registrar = registrar(List.of(nameServer.localAddress()), RegistrarConfig.defaults());
        registrar.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> nameServer.registry().route("orders").isPresent());

        registrar.close();

        assertThat(nameServer.registry().route("orders")).isEmpty();
        assertThat(nameServer.registry().liveBrokerAddrs()).isEmpty();
    }

    @Test
    void closeUndoesARegistrationMadeWithoutStart() throws Exception {
        startNameServer(Duration.ofSeconds(60));
        registrar = registrar(List.of(nameServer.localAddress()), RegistrarConfig.defaults());
        registrar.registerNow().get(5, TimeUnit.SECONDS);

        registrar.close();

        assertThat(nameServer.registry().liveBrokerAddrs()).isEmpty();
    }

    @Test
    void anUnreachableNameServerIsSkippedNotThrown() throws Exception {
        startNameServer(Duration.ofSeconds(60));
        var dead = "127.0.0.1:" + freePort();
        registrar = registrar(List.of(dead, nameServer.localAddress()), RegistrarConfig.defaults());

        var results = registrar.registerNow().get(10, TimeUnit.SECONDS);

        assertThat(results).hasSize(1);
        assertThat(nameServer.registry().route("orders")).isPresent();
    }

    @Test
    void failingTopicSupplierIsLoggedNotThrown() throws Exception {
        startNameServer(Duration.ofSeconds(60));
        registrar = new NameServerRegistrar(client, List.of(nameServer.localAddress()), BROKER,
                () -> { throw new IllegalStateException("store not ready"); }, RegistrarConfig.defaults());

        assertThat(registrar.registerNow().get(5, TimeUnit.SECONDS)).isEmpty();
    }

    private void startNameServer(Duration expiry) {
        nameServer = new NameServer(NameServerConfig.defaults().withPort(0).withBrokerExpiry(expiry, Duration.ofMillis(100)));
        nameServer.start();
    }

    private NameServerRegistrar registrar(List<String> nameServers, RegistrarConfig config) {
        return new NameServerRegistrar(client, nameServers, BROKER,
                () -> TopicConfigSerializeWrapper.of(topics, new DataVersion(0, 1, topics.size())), config);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
