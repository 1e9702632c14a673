package io.mq.spring.test.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.client.ClientConfig;
import io.mq.client.SendStatus;
import io.mq.spring.core.MqTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Needs Docker and the mq-broker-app image (see docker/Dockerfile); skipped where Docker does not run. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = MqBrokerContainerTest.App.class)
class MqBrokerContainerTest {

    @Container
    @ServiceConnection
    static MqBrokerContainer broker = new MqBrokerContainer();

    @Autowired
    ClientConfig clientConfig;

    @Autowired
    MqTemplate template;

    @Test
    void theServiceConnectionPointsTheStarterAtTheContainer() {
        assertThat(clientConfig.nameServers()).containsExactly(broker.nameServerAddress());
        assertThat(template.send("container-topic", "hello").status()).isEqualTo(SendStatus.SEND_OK);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }
}
