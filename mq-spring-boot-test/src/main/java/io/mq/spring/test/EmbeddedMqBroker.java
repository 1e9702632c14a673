package io.mq.spring.test;

import io.mq.broker.BrokerConfig;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a name server and a broker in the test JVM on free ports, in a temporary directory, and points the MQ starter
 * at it ({@code mq.name-server}). In a Spring test the broker lives as long as the (cached) application context and
 * is shared by every test class with the same context and the same attributes; in a plain JUnit test it lives for
 * the test class. Either way a test method or constructor may take the {@link io.mq.broker.EmbeddedBroker} as a
 * parameter. Consumers are tuned to react fast (1 s rebalance, route poll and offset commit) unless the test sets
 * those properties itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedMqBrokerExtension.class)
public @interface EmbeddedMqBroker {

    /** Topics to create before the test starts (listeners then find their queues at once). */
    String[] topics() default {};

    /** Queues of each created topic. */
    int queues() default 4;

    /**
     * The broker's delay levels. Default: every level 1 s, so that a listener's retries (level 3 + n) come back
     * after a second; give RocketMQ's table ("1s 5s 10s 30s 1m ...") to test real delays.
     */
    String delayLevels() default FAST_DELAY_LEVELS;

    /**
     * Further broker settings, e.g. fast transaction check-backs once the broker has them: classes with a no-arg
     * constructor, applied in order.
     */
    Class<? extends UnaryOperator<BrokerConfig>>[] brokerConfig() default {};

    /** 18 levels of 1 s. */
    String FAST_DELAY_LEVELS = "1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s";
}
