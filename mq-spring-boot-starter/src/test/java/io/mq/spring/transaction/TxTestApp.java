package io.mq.spring.transaction;

import io.mq.client.MessageView;
import io.mq.client.SendResult;
import io.mq.spring.core.MqTemplate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

/**
 * A small application using transactional messages both ways: {@link OrderService} sends inside its
 * {@code @Transactional} method, {@link PlaceOrder} is the {@code @TransactionalListener} of group "orders-tx".
 * Its business table is {@code test.orders-table}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableTransactionManagement
@Import({TxTestApp.OrderService.class, TxTestApp.PlaceOrder.class, TxTestApp.Payments.class})
public class TxTestApp {

    static ConfigurableApplicationContext run(String... properties) {
        return new SpringApplicationBuilder(TxTestApp.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).properties(properties).run();
    }

    /** What the local work of an order does. */
    enum Mode { COMMIT, ROLLBACK, FAIL, HOLD }

    /** An order; HOLD waits for {@code release} inside the database transaction. */
    record Order(String id, Mode mode, CountDownLatch release) {
        Order(String id, Mode mode) {
            this(id, mode, new CountDownLatch(0));
        }
    }

    /** Sends within its own {@code @Transactional} method. */
    public static class OrderService {
        private final MqTemplate template;
        private final JdbcTemplate jdbc;
        private final String table;

        public OrderService(MqTemplate template, JdbcTemplate jdbc, @Value("${test.orders-table}") String table) {
            this.template = template;
            this.jdbc = jdbc;
            this.table = table;
            jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " (id VARCHAR(64) PRIMARY KEY)");
        }

        @Transactional
        public SendResult place(String topic, String orderId, boolean fail) {
            jdbc.update("INSERT INTO " + table + " (id) VALUES (?)", orderId);
            var sent = template.sendInTransaction(topic, "order " + orderId);
            if (fail) {
                throw new IllegalStateException("payment declined");
            }
            return sent;
        }

        public boolean exists(String orderId) {
            return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE id = ?", Integer.class, orderId) > 0;
        }
    }

    /** The local work of group "orders-tx": stores the order, then answers as its mode says. */
    @TransactionalListener(producerGroup = "orders-tx")
    public static class PlaceOrder implements LocalTransaction {
        private final JdbcTemplate jdbc;
        private final String table;

        public PlaceOrder(JdbcTemplate jdbc, @Value("${test.orders-table}") String table) {
            this.jdbc = jdbc;
            this.table = table;
        }

        @Override
        public LocalOutcome execute(MessageView halfMessage, Object arg) {
            var order = (Order) arg;
            jdbc.update("INSERT INTO " + table + " (id) VALUES (?)", order.id());
            return switch (order.mode()) {
                case COMMIT -> LocalOutcome.COMMIT;
                case ROLLBACK -> LocalOutcome.ROLLBACK;
                case FAIL -> throw new IllegalStateException("out of stock");
                case HOLD -> {
                    try {
                        order.release().await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    yield LocalOutcome.COMMIT;
                }
            };
        }
    }

    /** Group "payments-tx" answers check-backs itself (always ROLLBACK), overriding the fence. */
    @TransactionalListener(producerGroup = "payments-tx")
    public static class Payments implements LocalTransaction, LocalTransactionCheck {

        @Override
        public LocalOutcome execute(MessageView halfMessage, Object arg) {
            return LocalOutcome.COMMIT;
        }

        @Override
        public LocalOutcome check(MessageView halfMessage) {
            return LocalOutcome.ROLLBACK;
        }
    }
}
