package io.mq.broker.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.topic.TopicDefinition;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's own registration: at start, after a topic change, and undone when it stops. */
class BrokerRegistrationTest {

    @TempDir
    Path dir;

    private EmbeddedBroker embedded;

    @AfterEach
    void stop() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void brokerRegistersAtStartPublishesNewTopicsAndUnregistersWhenClosed() {
        embedded = EmbeddedBroker.start(dir);
        var routes = embedded.nameServer().registry();
        await().atMost(Duration.ofSeconds(5)).until(() -> routes.route("TBW102").isPresent());

        embedded.broker().runtime().topics().createOrUpdate(TopicDefinition.of("invoices", 3, 6));
        await().atMost(Duration.ofSeconds(5)).until(() -> routes.route("invoices").isPresent());
        assertThat(routes.route("invoices").orElseThrow().queueDatas().get(0).readQueueNums()).isEqualTo(3);

        embedded.broker().close();

        assertThat(routes.liveBrokerAddrs()).doesNotContain(embedded.brokerAddress());
        assertThat(routes.route("invoices")).isEmpty();
    }
}
