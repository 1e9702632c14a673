/**
 * Spring Boot integration over {@code mq-client}: auto-configuration under {@code mq.*}, {@code MqTemplate},
 * {@code @MqListener}, and transactional messages tied to the local database transaction.
 */
package io.mq.spring;
