package io.mq.spring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.client.MessageView;
import io.mq.client.SendStatus;
import io.mq.spring.core.MqHeaders;
import io.mq.spring.core.MqTemplate;
import io.mq.spring.listener.MqListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.support.MessageBuilder;

@SpringBootTest(classes = MqTemplateTest.App.class)
@EmbeddedMqBroker(topics = {"template", "template-orderly", "template-delay"})
class MqTemplateTest {

    @Autowired
    MqTemplate template;

    @Autowired
    Inbox inbox;

    @Test
    void sendWaitsForTheBrokerAndTheListenerGetsTheBody() {
        var result = template.send("template", "sync-1");

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(bodiesOf(inbox.await("template", 1))).contains("sync-1");
    }

    @Test
    void sendAsyncCompletesWithTheResult() throws Exception {
        var result = template.sendAsync("template", "async-1").get(10, TimeUnit.SECONDS);

        assertThat(result.msgId()).isNotBlank();
        awaitBody("template", "async-1");
    }

    @Test
    void sendOneWayArrives() {
        template.sendOneWay("template", "oneway-1");

        awaitBody("template", "oneway-1");
    }

    @Test
    void sendOrderlyPutsEqualKeysInOneQueue() {
        var first = template.sendOrderly("template-orderly", "o-1", "order-42");
        var second = template.sendOrderly("template-orderly", "o-2", "order-42");
        var third = template.sendOrderly("template-orderly", "o-3", "order-42");

        assertThat(List.of(second.messageQueue(), third.messageQueue())).containsOnly(first.messageQueue());
        assertThat(third.queueOffset()).isGreaterThan(first.queueOffset());
    }

    @Test
    void delayLevelOneHoldsTheMessageForASecond() {
        var sentAt = Instant.now();
        template.sendDelayed("template-delay", "delayed-level", 1);

        var view = awaitBody("template-delay", "delayed-level");
        assertThat(Duration.between(sentAt, receivedAt(view))).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void delayByDurationHoldsTheMessage() {
        var sentAt = Instant.now();
        template.sendDelayed("template-delay", "delayed-duration", Duration.ofSeconds(1));

        var view = awaitBody("template-delay", "delayed-duration");
        assertThat(Duration.between(sentAt, receivedAt(view))).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void batchStoresEveryMessage() {
        var result = template.sendBatch("template", List.of("b-1", "b-2", "b-3"));

        assertThat(result.msgId().split(",")).hasSize(3);
        await3("b-1", "b-2", "b-3");
    }

    @Test
    void springMessageHeadersBecomeKeysTagsAndProperties() {
        var message = MessageBuilder.withPayload("with-headers")
                .setHeader(MqHeaders.KEYS, List.of("k1", "k2"))
                .setHeader(MqHeaders.TAGS, "tagged")
                .setHeader("tenant", "acme")
                .build();

        template.send("template", message);

        var view = awaitBody("template", "with-headers");
        assertThat(view.keys()).containsExactly("k1", "k2");
        assertThat(view.tags()).isEqualTo("tagged");
        assertThat(view.property("tenant")).isEqualTo("acme");
    }

    @Test
    void destinationWithTagSetsTheTag() {
        template.send("template:created", "tag-from-destination");

        assertThat(awaitBody("template", "tag-from-destination").tags()).isEqualTo("created");
    }

    @Test
    void objectsTravelAsJson() {
        template.send("template", new Order("o-7", 3));

        assertThat(awaitBody("template", "{\"id\":\"o-7\",\"quantity\":3}")).isNotNull();
    }

    @Test
    void sendInTransactionWithoutTransactionSupportSaysWhatToConfigure() {
        assertThatThrownBy(() -> template.sendInTransaction("template", "tx"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TransactionalSend");
    }

    private MessageView awaitBody(String listener, String body) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> inbox.of(listener).stream().anyMatch(v -> ((MessageView) v).bodyAsString().equals(body)));
        return inbox.of(listener).stream().map(MessageView.class::cast)
                .filter(v -> v.bodyAsString().equals(body)).findFirst().orElseThrow();
    }

    private void await3(String... bodies) {
        for (var body : bodies) {
            awaitBody("template", body);
        }
    }

    private static List<String> bodiesOf(List<Object> views) {
        return views.stream().map(v -> ((MessageView) v).bodyAsString()).toList();
    }

    /** When the listener saw it: the inbox records {@code (view)} on arrival; the store time is earlier. */
    private static Instant receivedAt(MessageView view) {
        return Instant.ofEpochMilli(Long.parseLong(view.property(ARRIVED)));
    }

    static final String ARRIVED = "test-arrived";

    record Order(String id, int quantity) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {

        @Bean
        Inbox inbox() {
            return new Inbox();
        }

        @Bean
        Listeners listeners(Inbox inbox) {
            return new Listeners(inbox);
        }
    }

    static class Listeners {
        private final Inbox inbox;

        Listeners(Inbox inbox) {
            this.inbox = inbox;
        }

        @MqListener(topic = "template", consumerGroup = "template-reader", consumeFrom = "FIRST_OFFSET")
        void template(MessageView view) {
            inbox.add("template", view);
        }

        @MqListener(topic = "template-delay", consumerGroup = "template-delay-reader")
        void delayed(MessageView view) {
            inbox.add("template-delay", stamped(view));
        }

        private static MessageView stamped(MessageView view) {
            var properties = new java.util.HashMap<>(view.properties());
            properties.put(ARRIVED, String.valueOf(System.currentTimeMillis()));
            return new MessageView(view.topic(), view.body(), properties, view.msgId(), view.offsetMsgId(),
                    view.brokerName(), view.queueId(), view.queueOffset(), view.commitLogOffset(), view.flag(),
                    view.sysFlag(), view.bornTimestamp(), view.bornHost(), view.storeTimestamp(), view.storeHost(),
                    view.reconsumeTimes(), view.preparedTransactionOffset());
        }
    }

}
