package io.mq.spring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.client.MqClientException;
import io.mq.spring.core.MqTemplate;
import io.mq.spring.listener.MqListener;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code MqTemplate.sendAndReceive} answered by {@code @MqListener} methods that return their reply. */
@SpringBootTest(classes = MqRequestReplyTest.App.class)
@EmbeddedMqBroker(topics = {"r-quote", "r-echo", "r-silent"})
class MqRequestReplyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MqTemplate template;

    @Test
    void aListenerReturningAPojoRepliesWithJson() {
        var quote = template.sendAndReceive("r-quote", new Order("o-1", 3), Quote.class, WAIT);

        assertThat(quote).isEqualTo(new Quote("o-1", 30));
    }

    @Test
    void aListenerReturningTextRepliesWithText() {
        var echo = template.sendAndReceive("r-echo", "hello", String.class, WAIT);

        assertThat(echo).isEqualTo("echo:hello");
    }

    @Test
    void aRequestNobodyAnswersFailsWithATimeout() {
        assertThatThrownBy(() -> template.sendAndReceive("r-silent", "anyone?", String.class, Duration.ofMillis(500)))
                .isInstanceOfSatisfying(MqClientException.class,
                        e -> assertThat(e.responseCode()).isEqualTo(MqClientException.TIMEOUT));
    }

    record Order(String id, int quantity) {
    }

    record Quote(String orderId, int price) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {

        @Bean
        Responders responders() {
            return new Responders();
        }
    }

    static class Responders {

        @MqListener(topic = "r-quote", consumerGroup = "g-quote")
        Quote quote(Order order) {
            return new Quote(order.id(), order.quantity() * 10);
        }

        @MqListener(topic = "r-echo", consumerGroup = "g-echo")
        String echo(String body) {
            return "echo:" + body;
        }
    }
}
