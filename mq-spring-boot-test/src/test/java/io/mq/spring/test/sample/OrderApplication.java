package io.mq.spring.test.sample;

import io.mq.spring.core.MqTemplate;
import io.mq.spring.listener.MqListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** The whole usage: one property (mq.name-server), a template to send, a listener to receive. */
@SpringBootApplication
public class OrderApplication {

    public record OrderPlaced(String orderId, int quantity) {
    }

    @Component
    public static class Checkout {
        private final MqTemplate mq;

        Checkout(MqTemplate mq) {
            this.mq = mq;
        }

        public void place(String orderId, int quantity) {
            mq.send("orders:placed", new OrderPlaced(orderId, quantity));
        }
    }

    @Component
    public static class Shipping {
        final List<OrderPlaced> shipped = new CopyOnWriteArrayList<>();

        @MqListener(topic = "orders", consumerGroup = "shipping", selectorExpression = "placed")
        void ship(OrderPlaced order) {
            shipped.add(order);
        }
    }
}
