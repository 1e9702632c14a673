package io.mq.spring.transaction;

import io.mq.client.ClientConfig;
import io.mq.client.producer.ProducerConfig;
import io.mq.spring.MqAutoConfiguration;
import io.mq.spring.MqProperties;
import io.mq.spring.dedup.MqDedupProperties;
import io.mq.spring.dedup.MqDeduplicator;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Transactional messages tied to the database transaction ({@link MqTransactions}, which backs
 * {@code MqTemplate.sendInTransaction}) when the application has a data source and a transaction manager; and the
 * opt-in consumer dedup store ({@code mq.dedup.enabled}).
 */
@AutoConfiguration(after = MqAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnClass({DataSourceUtils.class, PlatformTransactionManager.class})
public class MqTransactionAutoConfiguration {

    /** One producer per transactional group, answering check-backs from the fence table. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({ClientConfig.class, DataSource.class, PlatformTransactionManager.class})
    @EnableConfigurationProperties(MqProperties.class)
    static class TransactionalMessages {

        @Bean
        @ConditionalOnMissingBean
        MqTransactions mqTransactions(ClientConfig clientConfig, MqProperties properties,
                Environment environment, ListableBeanFactory beans) {
            var transaction = properties.getTransaction();
            var settings = new TransactionSettings(transactionGroup(properties, environment),
                    transaction.getTableName(), transaction.isInitializeSchema(), transaction.getCheckLockTimeout(),
                    transaction.getCheckThreads(), transaction.getCleanupHorizon(), transaction.getCleanupInterval(),
                    transaction.getCleanupBatchSize());
            var producer = properties.getProducer();
            return new MqTransactions(clientConfig, group -> ProducerConfig.of(group)
                    .withSendTimeout(producer.getSendTimeout())
                    .withRetries(producer.getRetries())
                    .withCompressThreshold(producer.getCompressThreshold())
                    .withMaxMessageSize(producer.getMaxMessageSize()), settings, beans);
        }

        /** mq.transaction.producer-group, else the producer group followed by "-tx". */
        private static String transactionGroup(MqProperties properties, Environment environment) {
            var configured = properties.getTransaction().getProducerGroup();
            if (configured != null && !configured.isBlank()) {
                return configured;
            }
            var producerGroup = properties.getProducer().getGroup();
            if (producerGroup == null || producerGroup.isBlank()) {
                var name = environment.getProperty("spring.application.name");
                producerGroup = name == null || name.isBlank() ? "DEFAULT_PRODUCER" : name + "-producer";
            }
            return producerGroup + "-tx";
        }
    }

    /** The dedup store, in the application's data source. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnProperty(prefix = "mq.dedup", name = "enabled", havingValue = "true")
    @EnableConfigurationProperties(MqDedupProperties.class)
    static class Deduplication {

        @Bean
        @ConditionalOnMissingBean
        MqDeduplicator mqDeduplicator(DataSource dataSource, MqDedupProperties properties) {
            var deduplicator = new MqDeduplicator(dataSource, properties.getTableName());
            if (properties.isInitializeSchema()) {
                deduplicator.createTable();
            }
            return deduplicator;
        }

        @Bean
        ExpiredRowsCleaner mqDedupCleaner(MqDeduplicator deduplicator, MqDedupProperties properties) {
            return new ExpiredRowsCleaner(List.of(deduplicator), properties.getRetention(),
                    properties.getCleanupInterval(), properties.getCleanupBatchSize(), Clock.systemUTC());
        }
    }
}
