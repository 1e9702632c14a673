package io.mq.spring.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the listener of a topic for a consumer group. The method gets each message's body
 * converted to its parameter type (String, byte[], a JSON-mapped class), or a Spring
 * {@code Message<T>} with the {@link io.mq.spring.core.MqHeaders}, or the {@link io.mq.client.MessageView};
 * {@code @Header} and {@code @Payload} parameters work as in Spring Messaging. Returning normally acknowledges the
 * message; throwing hands it back to the broker for a later delivery, and past {@link #maxReconsumeTimes()} it goes to
 * {@code %DLQ%<consumerGroup>}. String attributes take {@code ${...}} placeholders and {@code #{...}} expressions.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MqListener {

    /** Id of the listener container in the {@link MqListenerEndpointRegistry}; default "beanName#methodName". */
    String id() default "";

    /** The topic to consume. */
    String topic();

    /** The consumer group; the members of a group share the topic's queues (or each get all of them when broadcasting). */
    String consumerGroup();

    /** Whether {@link #selectorExpression()} is a tag expression or an SQL92 condition. */
    SelectorType selectorType() default SelectorType.TAG;

    /** Tags ("*", "a || b") or an SQL92 condition over the message properties ("region = 'eu' AND amount > 5"). */
    String selectorExpression() default "*";

    /** Concurrently (a thread pool, no order) or orderly (one queue at a time, in queue order). */
    ConsumeMode consumeMode() default ConsumeMode.CONCURRENTLY;

    /** Clustering (the group shares the messages) or broadcasting (every member gets every message). */
    MessageModel messageModel() default MessageModel.CLUSTERING;

    /** Deliveries retried before the dead-letter queue; default {@code mq.consumer.max-reconsume-times}. */
    String maxReconsumeTimes() default "";

    /** Consumer threads of a concurrent listener; default {@code mq.consumer.consume-threads}. */
    String consumeThreads() default "";

    /**
     * Where a group without a committed offset starts: LAST_OFFSET, FIRST_OFFSET or TIMESTAMP (half an hour ago);
     * default {@code mq.consumer.consume-from}.
     */
    String consumeFrom() default "";

    /** Bean name of the {@link MqListenerContainerFactory}; default "mqListenerContainerFactory". */
    String containerFactory() default "";

    /** Whether the container starts with the context ("true" unless set); a stopped one starts through the registry. */
    String autoStartup() default "";
}
