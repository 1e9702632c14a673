package io.mq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.namesrv.NameServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's {@code docker-compose.yml} without Docker: each service's command runs here as the container
 * would run it (the image's entry point adds only the store dir), with the service host name, the advertised
 * address and the ports mapped to this machine. The cluster they form is what compose promises.
 */
class DockerComposeClusterTest {

    @TempDir
    Path stores;

    @Test
    void theComposeServicesFormOneClusterOfTwoMastersRegisteredWithTheNameServer() throws IOException {
        var services = services();
        assertThat(services).containsOnlyKeys("namesrv", "broker-a", "broker-b");
        int namesrvPort = freePort();
        var contexts = new ArrayList<ConfigurableApplicationContext>();
        try {
            contexts.add(run("namesrv", services.get("namesrv"), namesrvPort));
            var nameServer = contexts.get(0).getBean(NameServer.class);
            contexts.add(run("broker-a", services.get("broker-a"), namesrvPort));
            contexts.add(run("broker-b", services.get("broker-b"), namesrvPort));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var cluster = nameServer.registry().clusterInfo();
                assertThat(cluster.clusterAddrTable()).containsOnlyKeys("DefaultCluster");
                assertThat(cluster.clusterAddrTable().get("DefaultCluster")).containsExactlyInAnyOrder("broker-a", "broker-b");
                assertThat(cluster.brokerAddrTable().get("broker-a").brokerAddrs().get(0L)).startsWith("127.0.0.1:");
                assertThat(cluster.brokerAddrTable().get("broker-b").brokerAddrs().get(0L)).startsWith("127.0.0.1:");
            });
        } finally {
            for (int i = contexts.size() - 1; i >= 0; i--) {
                contexts.get(i).close();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        var compose = Path.of(System.getProperty("user.dir")).getParent().resolve("docker-compose.yml");
        Map<String, Object> document = new Yaml().load(Files.readString(compose));
        return (Map<String, Map<String, Object>>) document.get("services");
    }

    /** The service's command as the container runs it, with names, ports and the store local to this test. */
    @SuppressWarnings("unchecked")
    private ConfigurableApplicationContext run(String name, Map<String, Object> service, int namesrvPort) {
        var args = new ArrayList<String>();
        for (var arg : (List<String>) service.get("command")) {
            args.add(localised(arg, namesrvPort));
        }
        args.add("--mq.store.dir=" + stores.resolve(name)); // the image's entry point: /data/mq
        args.add("--mq.store.commit-log-segment-size=4MB");
        var app = new SpringApplication(BrokerApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run(args.toArray(String[]::new));
    }

    private static String localised(String arg, int namesrvPort) {
        if (arg.startsWith("--mq.namesrv.port=")) {
            return "--mq.namesrv.port=" + namesrvPort;
        }
        if (arg.startsWith("--mq.broker.port=")) {
            return "--mq.broker.port=0";
        }
        return arg.replace("namesrv:9876", "127.0.0.1:" + namesrvPort)
                .replace("${MQ_ADVERTISED_IP:-127.0.0.1}", "127.0.0.1");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
