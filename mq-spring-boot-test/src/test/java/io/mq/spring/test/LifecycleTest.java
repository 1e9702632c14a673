package io.mq.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.EmbeddedBroker;
import io.mq.spring.core.MqTemplate;
import io.mq.spring.listener.MessageModel;
import io.mq.spring.listener.MqListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Whole applications started and closed around one broker (a plain JUnit test: the broker lives for the class). */
@EmbeddedMqBroker(topics = "broadcast")
class LifecycleTest {

    @TempDir
    Path offsets;

    @Test
    void broadcastingGivesEveryMemberEveryMessage(EmbeddedBroker broker) {
        try (var first = start(broker, "member-1"); var second = start(broker, "member-2")) {
            var template = first.getBean(MqTemplate.class);
            for (int i = 0; i < 4; i++) {
                template.send("broadcast", "news-" + i);
            }

            assertThat(first.getBean(Inbox.class).await("broadcast", 4)).hasSize(4);
            assertThat(second.getBean(Inbox.class).await("broadcast", 4)).hasSize(4);
        }
    }

    @Test
    void closingTheContextLeavesNoClientThreads(EmbeddedBroker broker) {
        var before = Thread.getAllStackTraces().keySet();
        var context = start(broker, "closing");
        context.getBean(MqTemplate.class).send("broadcast", "before-close");
        context.getBean(Inbox.class).await("broadcast", 1);

        context.close();

        // Other test classes' cached contexts run in this JVM too: only threads this application started count.
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                threadsStartedSince(before)).noneMatch(t -> t.getName().startsWith("mq-client") || !t.isDaemon()));
    }

    private ConfigurableApplicationContext start(EmbeddedBroker broker, String instance) {
        return new SpringApplicationBuilder(App.class).web(org.springframework.boot.WebApplicationType.NONE)
                .properties("mq.name-server=" + broker.nameServerAddress(), "mq.instance-name=" + instance,
                        "mq.consumer.rebalance-interval=1s", "mq.consumer.offset-store-dir=" + offsets,
                        "spring.main.banner-mode=off")
                .run();
    }

    private static Set<Thread> threadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && !t.getName().startsWith("awaitility"))
                .collect(Collectors.toSet());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {

        @Bean
        Inbox inbox() {
            return new Inbox();
        }

        @Bean
        Listener listener(Inbox inbox) {
            return new Listener(inbox);
        }
    }

    static class Listener {
        private final Inbox inbox;

        Listener(Inbox inbox) {
            this.inbox = inbox;
        }

        @MqListener(topic = "broadcast", consumerGroup = "g-broadcast", messageModel = MessageModel.BROADCASTING)
        void news(String body) {
            inbox.add("broadcast", body);
        }
    }
}
