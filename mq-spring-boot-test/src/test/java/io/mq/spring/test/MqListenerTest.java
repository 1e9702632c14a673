package io.mq.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.client.MessageView;
import io.mq.spring.core.MqHeaders;
import io.mq.spring.core.MqTemplate;
import io.mq.spring.listener.ConsumeMode;
import io.mq.spring.listener.MqListener;
import io.mq.spring.listener.MqListenerEndpointRegistry;
import io.mq.spring.listener.PushConsumerListenerContainer;
import io.mq.spring.listener.SelectorType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.support.MessageBuilder;

@SpringBootTest(classes = MqListenerTest.App.class, properties = "test.topic=l-placeholder")
@EmbeddedMqBroker(topics = {"l-string", "l-pojo", "l-bytes", "l-message", "l-tags", "l-sql", "l-orderly", "l-retry",
        "l-dlq", "%DLQ%g-dlq", "l-placeholder"})
class MqListenerTest {

    @Autowired
    MqTemplate template;

    @Autowired
    Inbox inbox;

    @Autowired
    MqListenerEndpointRegistry registry;

    @Test
    void stringParameterGetsTheBodyAsText() {
        template.send("l-string", "hello");

        assertThat(inbox.first("string", String.class)).isEqualTo("hello");
    }

    @Test
    void classParameterGetsTheJsonBodyMapped() {
        template.send("l-pojo", new Order("o-1", 2));

        assertThat(inbox.first("pojo", Order.class)).isEqualTo(new Order("o-1", 2));
    }

    @Test
    void byteArrayParameterGetsTheBodyAsIs() {
        template.send("l-bytes", new byte[] {1, 2, 3});

        assertThat(inbox.first("bytes", byte[].class)).containsExactly(1, 2, 3);
    }

    @Test
    void messageParameterGetsThePayloadConvertedAndTheHeaders() {
        template.send("l-message", MessageBuilder.withPayload(new Order("o-2", 5))
                .setHeader(MqHeaders.KEYS, "o-2").setHeader("tenant", "acme").build());

        @SuppressWarnings("unchecked")
        Message<Order> message = inbox.first("message", Message.class);
        assertThat(message.getPayload()).isEqualTo(new Order("o-2", 5));
        assertThat(message.getHeaders())
                .containsEntry(MqHeaders.KEYS, "o-2")
                .containsEntry(MqHeaders.TOPIC, "l-message")
                .containsEntry(MqHeaders.RECONSUME_TIMES, 0)
                .containsEntry("tenant", "acme")
                .containsKeys(MqHeaders.MESSAGE_ID, MqHeaders.QUEUE_ID, MqHeaders.BORN_TIMESTAMP);
    }

    @Test
    void tagSelectorLetsOnlyTheNamedTagsThrough() {
        template.send("l-tags:green", "green");
        template.send("l-tags:red", "red");
        template.send("l-tags:blue", "blue");

        assertThat(inbox.await("tags", 2)).containsExactlyInAnyOrder("red", "blue");
        template.send("l-tags:red", "red-2");
        assertThat(inbox.await("tags", 3)).doesNotContain("green");
    }

    @Test
    void sqlSelectorFiltersByProperties() {
        template.send("l-sql", MessageBuilder.withPayload("small").setHeader("amount", 3).build());
        template.send("l-sql", MessageBuilder.withPayload("large").setHeader("amount", 50).build());
        template.send("l-sql", MessageBuilder.withPayload("larger").setHeader("amount", 70).build());

        assertThat(inbox.await("sql", 2)).containsExactlyInAnyOrder("large", "larger");
        assertThat(inbox.of("sql")).doesNotContain("small");
    }

    @Test
    void orderlyListenerSeesOneKeyInSendOrder() {
        var bodies = IntStream.range(0, 20).mapToObj(i -> "step-" + i).toList();
        bodies.forEach(body -> template.sendOrderly("l-orderly", body, "order-1"));

        assertThat(inbox.await("orderly", 20)).containsExactlyElementsOf(bodies);
    }

    @Test
    void anExceptionMeansTheBrokerDeliversTheMessageAgain() {
        template.send("l-retry", "flaky");

        // delivery 0 throws, delivery 1 (through %RETRY%g-retry) succeeds
        assertThat(inbox.await("retry-ok", 1)).containsExactly(1);
        assertThat(inbox.of("retry-attempts")).containsExactly(0, 1);
    }

    @Test
    void pastMaxReconsumeTimesTheMessageGoesToTheDeadLetterQueue() {
        template.send("l-dlq", "poison");

        assertThat(inbox.await("dead", 1)).containsExactly("poison");
        assertThat(inbox.of("dlq-attempts")).containsExactly(0, 1);
    }

    @Test
    void placeholdersAndExpressionsAreResolved() {
        template.send("l-placeholder", "resolved");

        assertThat(inbox.first("placeholder", String.class)).isEqualTo("resolved");
        var container = (PushConsumerListenerContainer) registry.getListenerContainer("placeholder-listener");
        assertThat(container.endpoint().topic()).isEqualTo("l-placeholder");
        assertThat(container.endpoint().group()).isEqualTo("g-placeholder");
        assertThat(container.consumer().config().consumeThreads()).isEqualTo(2);
    }

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

        @MqListener(topic = "l-string", consumerGroup = "g-string")
        void string(String body) {
            inbox.add("string", body);
        }

        @MqListener(topic = "l-pojo", consumerGroup = "g-pojo")
        void pojo(Order order) {
            inbox.add("pojo", order);
        }

        @MqListener(topic = "l-bytes", consumerGroup = "g-bytes")
        void bytes(byte[] body) {
            inbox.add("bytes", body);
        }

        @MqListener(topic = "l-message", consumerGroup = "g-message")
        void message(Message<Order> message) {
            inbox.add("message", message);
        }

        @MqListener(topic = "l-tags", consumerGroup = "g-tags", selectorExpression = "red || blue")
        void tags(String body) {
            inbox.add("tags", body);
        }

        @MqListener(topic = "l-sql", consumerGroup = "g-sql", selectorType = SelectorType.SQL92,
                selectorExpression = "amount > 5")
        void sql(String body) {
            inbox.add("sql", body);
        }

        @MqListener(topic = "l-orderly", consumerGroup = "g-orderly", consumeMode = ConsumeMode.ORDERLY)
        void orderly(String body) {
            inbox.add("orderly", body);
        }

        @MqListener(topic = "l-retry", consumerGroup = "g-retry")
        void retry(String body, @Header(MqHeaders.RECONSUME_TIMES) int reconsumeTimes) {
            inbox.add("retry-attempts", reconsumeTimes);
            if (reconsumeTimes == 0) {
                throw new IllegalStateException("first delivery fails on purpose");
            }
            inbox.add("retry-ok", reconsumeTimes);
        }

        @MqListener(topic = "l-dlq", consumerGroup = "g-dlq", maxReconsumeTimes = "1")
        void poison(MessageView message) {
            inbox.add("dlq-attempts", message.reconsumeTimes());
            throw new IllegalStateException("always fails");
        }

        @MqListener(topic = "%DLQ%g-dlq", consumerGroup = "g-dlq-reader", consumeFrom = "FIRST_OFFSET")
        void deadLetters(byte[] body) {
            inbox.add("dead", new String(body, StandardCharsets.UTF_8));
        }

        @MqListener(id = "placeholder-listener", topic = "${test.topic}", consumerGroup = "#{'g-' + 'placeholder'}",
                consumeThreads = "${test.threads:2}")
        void placeholder(String body) {
            inbox.add("placeholder", body);
        }
    }

}
