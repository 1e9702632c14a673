package io.mq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.Broker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The {@code mq.broker.transaction-*} properties reach the broker's transaction settings. */
class TransactionPropertiesTest {

    @TempDir
    Path store;

    @Test
    void transactionSettingsComeFromTheProperties() {
        try (var context = run("--mq.broker.transaction-timeout=2s", "--mq.broker.transaction-check-interval=500ms",
                "--mq.broker.transaction-check-max=4")) {
            var config = context.getBean(Broker.class).config();

            assertThat(config.transactionTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(config.transactionCheckInterval()).isEqualTo(Duration.ofMillis(500));
            assertThat(config.transactionCheckMax()).isEqualTo(4);
        }
    }

    @Test
    void withoutThemRocketMqsDefaultsApply() {
        try (var context = run()) {
            var config = context.getBean(Broker.class).config();

            assertThat(config.transactionTimeout()).isEqualTo(Duration.ofSeconds(6));
            assertThat(config.transactionCheckInterval()).isEqualTo(Duration.ofSeconds(60));
            assertThat(config.transactionCheckMax()).isEqualTo(15);
        }
    }

    @Test
    void aCheckMaxBelowOneFailsStartupNamingTheField() {
        assertThatThrownBy(() -> run("--mq.broker.transaction-check-max=0"))
                .hasStackTraceContaining("mq.broker.transactionCheckMax").hasStackTraceContaining("must be greater than or equal to 1");
    }

    private ConfigurableApplicationContext run(String... extra) {
        var args = new ArrayList<>(List.of("--mq.namesrv.port=0", "--mq.broker.port=0",
                "--mq.broker.ip=127.0.0.1", "--mq.store.dir=" + store, "--mq.store.commit-log-segment-size=4MB"));
        args.addAll(List.of(extra));
        var app = new SpringApplication(BrokerApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run(args.toArray(String[]::new));
    }
}
