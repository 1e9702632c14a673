package io.mq.spring.test.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.spring.test.EmbeddedMqBroker;
import io.mq.spring.test.sample.OrderApplication.OrderPlaced;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@EmbeddedMqBroker(topics = "orders")
class OrderApplicationTest {

    @Autowired
    OrderApplication.Checkout checkout;

    @Autowired
    OrderApplication.Shipping shipping;

    @Test
    void aPlacedOrderIsShipped() {
        checkout.place("o-1", 2);

        Awaitility.await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(shipping.shipped).containsExactly(new OrderPlaced("o-1", 2)));
    }
}
