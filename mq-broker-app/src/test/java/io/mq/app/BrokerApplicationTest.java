package io.mq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mq.broker.Broker;
import io.mq.broker.namesrv.NameServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

class BrokerApplicationTest {

    @TempDir
    Path store;

    @Test
    void startsNameServerAndBrokerThatRegistersWithIt() {
        try (var context = run("--mq.namesrv.port=0", "--mq.broker.port=0", "--mq.broker.ip=127.0.0.1",
                "--mq.broker.name=broker-x", "--mq.store.dir=" + store, "--mq.store.commit-log-segment-size=4MB")) {
            var broker = context.getBean(Broker.class);
            var nameServer = context.getBean(NameServer.class);

            assertThat(broker.config().brokerName()).isEqualTo("broker-x");
            assertThat(broker.config().nameServers()).containsExactly("127.0.0.1:" + nameServer.port());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(nameServer.registry().clusterInfo().brokerAddrTable()).containsKey("broker-x"));
        }
    }

    @Test
    void runsTheBrokerAloneAgainstAnotherNameServer() {
        try (var nameServerApp = run("--mq.broker.enabled=false", "--mq.namesrv.port=0", "--mq.store.dir=" + store.resolve("ns"))) {
            var nameServer = nameServerApp.getBean(NameServer.class);
            try (var brokerApp = run("--mq.namesrv.enabled=false", "--mq.namesrv.address=127.0.0.1:" + nameServer.port(),
                    "--mq.broker.port=0", "--mq.broker.ip=127.0.0.1", "--mq.broker.name=remote-b",
                    "--mq.store.dir=" + store.resolve("b"), "--mq.store.commit-log-segment-size=4MB")) {

                assertThat(brokerApp.getBeansOfType(NameServer.class)).isEmpty();
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(nameServer.registry().clusterInfo().brokerAddrTable()).containsKey("remote-b"));
            }
        }
    }

    @Test
    void aBadValueFailsStartupNamingTheProperty() {
        assertThatThrownBy(() -> run("--mq.broker.port=70000", "--mq.store.dir=" + store))
                .hasStackTraceContaining("mq.broker.port");
        assertThatThrownBy(() -> run("--mq.broker.flush-disk-type=SOMETIMES", "--mq.store.dir=" + store))
                .hasStackTraceContaining("mq.broker.flush-disk-type");
    }

    @Test
    void namesAndAddressesAreCheckedNamingTheProperty() {
        assertThatThrownBy(() -> run("--mq.broker.name=broker a", "--mq.store.dir=" + store))
                .hasStackTraceContaining("mq.broker.name").hasStackTraceContaining("letters, digits, '_' and '-' only");
        assertThatThrownBy(() -> run("--mq.broker.cluster-name= ", "--mq.store.dir=" + store))
                .hasStackTraceContaining("mq.broker.clusterName").hasStackTraceContaining("must not be blank");
        assertThatThrownBy(() -> run("--mq.namesrv.address=ns-host", "--mq.store.dir=" + store))
                .hasStackTraceContaining("mq.namesrv.address").hasStackTraceContaining("must be host:port");
        assertThatThrownBy(() -> run("--mq.namesrv.port=-1", "--mq.store.dir=" + store))
                .hasStackTraceContaining("mq.namesrv.port").hasStackTraceContaining("must be greater than or equal to 0");
    }

    @Test
    void aBrokerWithoutAnyNameServerIsRefusedClearly() {
        assertThatThrownBy(() -> run("--mq.namesrv.enabled=false", "--mq.broker.port=0", "--mq.store.dir=" + store))
                .hasStackTraceContaining("mq.namesrv.address is empty");
    }

    private static ConfigurableApplicationContext run(String... args) {
        var app = new SpringApplication(BrokerApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run(args);
    }
}
