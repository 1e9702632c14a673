package io.mq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.Broker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

class MessageDelayLevelPropertyTest {

    @TempDir
    Path store;

    @Test
    void theDelayTableComesFromTheProperty() {
        try (var context = run("--mq.broker.message-delay-level=1s 3m 2h", "--mq.namesrv.port=0",
                "--mq.broker.port=0", "--mq.broker.ip=127.0.0.1", "--mq.store.dir=" + store,
                "--mq.store.commit-log-segment-size=4MB")) {
            var levels = context.getBean(Broker.class).config().messageDelayLevel();

            assertThat(levels.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofMinutes(3),
                    Duration.ofHours(2));
        }
    }

    @Test
    void aBadTableFailsStartupNamingTheProperty() {
        assertThatThrownBy(() -> run("--mq.broker.message-delay-level=1s soon", "--mq.namesrv.port=0",
                "--mq.broker.port=0", "--mq.store.dir=" + store))
                .hasStackTraceContaining("mq.broker.message-delay-level")
                .hasStackTraceContaining("\"soon\"");
    }

    private static ConfigurableApplicationContext run(String... args) {
        var app = new SpringApplication(BrokerApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run(args);
    }
}
