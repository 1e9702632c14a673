package io.mq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.EmbeddedBroker;
import io.mq.client.ClientConfig;
import io.mq.client.admin.MqAdmin;
import io.mq.client.producer.MqProducer;
import io.mq.spring.core.MqMessageConverter;
import io.mq.spring.core.MqTemplate;
import io.mq.spring.health.MqHealthContributorAutoConfiguration;
import io.mq.spring.health.MqHealthIndicator;
import io.mq.spring.listener.MqListenerEndpointRegistry;
import io.mq.spring.observation.MqObservationAutoConfiguration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class MqAutoConfigurationTest {

    @TempDir
    static Path store;

    static EmbeddedBroker broker;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqObservationAutoConfiguration.class, MqAutoConfiguration.class,
                    MqHealthContributorAutoConfiguration.class));

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(store);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void withoutANameServerNothingStartsAndTheLogSaysWhy(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(MqTemplate.class).doesNotHaveBean(MqProducer.class)
                    .doesNotHaveBean(MqAdmin.class).doesNotHaveBean(MqListenerEndpointRegistry.class);
        });
        assertThat(output).contains("mq.name-server is not set");
    }

    @Test
    void aNameServerBringsTemplateAdminListenersAndHealth() {
        runner.withPropertyValues("mq.name-server=" + broker.nameServerAddress(), "mq.producer.group=orders-app")
                .run(context -> {
                    assertThat(context).hasSingleBean(MqTemplate.class).hasSingleBean(MqAdmin.class)
                            .hasSingleBean(MqListenerEndpointRegistry.class).hasSingleBean(MqMessageConverter.class)
                            .hasSingleBean(MqHealthIndicator.class);
                    assertThat(context.getBean(MqProducer.class).config().group()).isEqualTo("orders-app");
                });
    }

    @Test
    void theProducerGroupDefaultsToTheApplicationName() {
        runner.withPropertyValues("mq.name-server=" + broker.nameServerAddress(), "spring.application.name=billing")
                .run(context -> assertThat(context.getBean(MqProducer.class).config().group())
                        .isEqualTo("billing-producer"));
    }

    @Test
    void propertiesReachTheClientAndProducer() {
        runner.withPropertyValues("mq.name-server=" + broker.nameServerAddress() + ";127.0.0.1:1",
                        "mq.instance-name=i-1", "mq.request-timeout=2s", "mq.producer.retries=5",
                        "mq.producer.send-timeout=7s", "mq.producer.compress-threshold=100",
                        "mq.producer.max-message-size=1000")
                .run(context -> {
                    var client = context.getBean(ClientConfig.class);
                    assertThat(client.nameServers()).containsExactly(broker.nameServerAddress(), "127.0.0.1:1");
                    assertThat(client.instanceName()).isEqualTo("i-1");
                    assertThat(client.requestTimeout()).hasSeconds(2);
                    var producer = context.getBean(MqProducer.class).config();
                    assertThat(producer.retries()).isEqualTo(5);
                    assertThat(producer.sendTimeout()).hasSeconds(7);
                    assertThat(producer.compressThreshold()).isEqualTo(100);
                    assertThat(producer.maxMessageSize()).isEqualTo(1000);
                });
    }

    @Test
    void connectionDetailsWinOverTheProperty() {
        runner.withPropertyValues("mq.name-server=127.0.0.1:1")
                .withBean(MqConnectionDetails.class, () -> () -> List.of(broker.nameServerAddress()))
                .run(context -> assertThat(context.getBean(ClientConfig.class).nameServers())
                        .containsExactly(broker.nameServerAddress()));
    }

    @Test
    void connectionDetailsAloneAreEnough() {
        runner.withBean(MqConnectionDetails.class, () -> () -> List.of(broker.nameServerAddress()))
                .run(context -> assertThat(context).hasSingleBean(MqTemplate.class));
    }

    @Test
    void anApplicationBeanReplacesTheStartersOwn() {
        var own = MqMessageConverter.withJson(new tools.jackson.databind.json.JsonMapper());
        runner.withPropertyValues("mq.name-server=" + broker.nameServerAddress())
                .withBean(MqMessageConverter.class, () -> own)
                .run(context -> assertThat(context.getBean(MqMessageConverter.class)).isSameAs(own));
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        runner.withPropertyValues("mq.name-server=" + broker.nameServerAddress(), "management.health.mq.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MqHealthIndicator.class));
    }
}
