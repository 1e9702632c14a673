package io.mq.spring.listener;

import io.mq.client.consumer.ConsumerConfig;

/**
 * Adjusts the consumer settings of every listener container before the endpoint's own attributes apply; the
 * starter's defaults from {@code mq.consumer.*} are one of them.
 */
@FunctionalInterface
public interface ConsumerConfigCustomizer {

    void customize(ConsumerConfig.Builder builder);
}
