package io.mq.spring.transaction;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks the bean that does the local work ({@link LocalTransaction}) and/or answers check-backs
 * ({@link LocalTransactionCheck}) of one transactional producer group. Each group gets its own producer; an
 * application may have any number of them. Send with {@code MqTransactions.execute(producerGroup, message, arg)}.
 *
 * <pre>{@code
 * @TransactionalListener(producerGroup = "orders")
 * class PlaceOrder implements LocalTransaction {
 *     public LocalOutcome execute(MessageView half, Object order) {
 *         orders.save((Order) order);
 *         return LocalOutcome.COMMIT;
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface TransactionalListener {

    /** The producer group whose half messages this bean decides. */
    String producerGroup();

    /**
     * Bean name of the transaction manager the local work runs under (its data source also holds the fence table);
     * empty for the application's only or primary one.
     */
    String transactionManager() default "";
}
