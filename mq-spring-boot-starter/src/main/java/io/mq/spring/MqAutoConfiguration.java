package io.mq.spring;

import io.mq.client.ClientConfig;
import io.mq.client.admin.MqAdmin;
import io.mq.client.producer.MqProducer;
import io.mq.client.producer.ProducerConfig;
import io.mq.spring.core.MqMessageConverter;
import io.mq.spring.core.MqTemplate;
import io.mq.spring.core.TransactionalSend;
import io.mq.spring.listener.ConsumerConfigCustomizer;
import io.mq.spring.listener.DefaultMqListenerContainerFactory;
import io.mq.spring.listener.MqListenerAnnotationBeanPostProcessor;
import io.mq.spring.listener.MqListenerContainerFactory;
import io.mq.spring.listener.MqListenerEndpointRegistry;
import io.mq.spring.observation.MqObservationAutoConfiguration;
import io.mq.spring.observation.MqObservations;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * MQ for a Spring Boot application: {@link MqTemplate}, {@code @MqListener} containers and an {@link MqAdmin} on a
 * client built from {@code mq.*}. Every bean backs off when the application declares its own. Without
 * {@code mq.name-server} (or {@link MqConnectionDetails}) nothing starts and one INFO line says why.
 */
@AutoConfiguration(after = MqObservationAutoConfiguration.class, afterName = {
        "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnClass(MqProducer.class)
@EnableConfigurationProperties(MqProperties.class)
public class MqAutoConfiguration {

    static final String DEFAULT_PRODUCER_GROUP = "DEFAULT_PRODUCER";

    /** The client, producer, template, admin and listener machinery. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMqNameServer
    static class MqClientConfiguration {

        @Bean
        @ConditionalOnMissingBean(MqConnectionDetails.class)
        PropertiesMqConnectionDetails mqConnectionDetails(MqProperties properties) {
            return new PropertiesMqConnectionDetails(properties);
        }

        @Bean
        @ConditionalOnMissingBean
        ClientConfig mqClientConfig(MqProperties properties, MqConnectionDetails connectionDetails) {
            var nameServers = connectionDetails.nameServers();
            if (nameServers.isEmpty()) {
                throw new IllegalStateException("mq.name-server is blank: give \"host:port\" of the name server(s), "
                        + "separated by ';'");
            }
            var config = ClientConfig.of(nameServers.toArray(String[]::new))
                    .withRequestTimeout(properties.getRequestTimeout())
                    .withHeartbeatInterval(properties.getHeartbeatInterval())
                    .withRoutePollInterval(properties.getRoutePollInterval());
            return properties.getInstanceName() == null ? config : config.withInstanceName(properties.getInstanceName());
        }

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        MqProducer mqProducer(ClientConfig clientConfig, MqProperties properties, Environment environment) {
            var producer = properties.getProducer();
            var config = ProducerConfig.of(producerGroup(producer.getGroup(), environment))
                    .withSendTimeout(producer.getSendTimeout())
                    .withRetries(producer.getRetries())
                    .withCompressThreshold(producer.getCompressThreshold())
                    .withMaxMessageSize(producer.getMaxMessageSize());
            return MqProducer.start(clientConfig, config);
        }

        @Bean
        @ConditionalOnMissingBean
        MqMessageConverter mqMessageConverter(ObjectProvider<JsonMapper> jsonMapper) {
            return MqMessageConverter.withJson(jsonMapper.getIfUnique(JsonMapper::new));
        }

        @Bean
        @ConditionalOnMissingBean
        MqTemplate mqTemplate(MqProducer producer, MqMessageConverter converter,
                ObjectProvider<MqObservations> observations, ObjectProvider<TransactionalSend> transactionalSend) {
            return new MqTemplate(producer, converter, observations.getIfUnique(MqObservations::none),
                    transactionalSend::getIfUnique);
        }

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        MqAdmin mqAdmin(ClientConfig clientConfig) {
            return MqAdmin.start(clientConfig);
        }

        @Bean
        ConsumerConfigCustomizer mqPropertiesConsumerDefaults(MqProperties properties) {
            var consumer = properties.getConsumer();
            return builder -> {
                builder.consumeThreads(consumer.getConsumeThreads())
                        .maxReconsumeTimes(consumer.getMaxReconsumeTimes())
                        .pullBatchSize(consumer.getPullBatchSize())
                        .consumeFrom(consumer.getConsumeFrom())
                        .rebalanceInterval(consumer.getRebalanceInterval())
                        .persistInterval(consumer.getPersistInterval())
                        .consumeTimeout(consumer.getConsumeTimeout())
                        .shutdownTimeout(consumer.getShutdownTimeout());
                if (consumer.getOffsetStoreDir() != null) {
                    builder.offsetStoreDir(consumer.getOffsetStoreDir());
                }
            };
        }

        @Bean(name = MqListenerAnnotationBeanPostProcessor.DEFAULT_CONTAINER_FACTORY)
        @ConditionalOnMissingBean(name = MqListenerAnnotationBeanPostProcessor.DEFAULT_CONTAINER_FACTORY)
        MqListenerContainerFactory mqListenerContainerFactory(ClientConfig clientConfig,
                ObjectProvider<ConsumerConfigCustomizer> customizers, ObjectProvider<MqObservations> observations) {
            return new DefaultMqListenerContainerFactory(clientConfig, customizers.orderedStream().toList(),
                    observations.getIfUnique(MqObservations::none));
        }

        @Bean
        @ConditionalOnMissingBean
        MqListenerEndpointRegistry mqListenerEndpointRegistry() {
            return new MqListenerEndpointRegistry();
        }

        @Bean
        @ConditionalOnMissingBean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static MqListenerAnnotationBeanPostProcessor mqListenerAnnotationBeanPostProcessor() {
            return new MqListenerAnnotationBeanPostProcessor();
        }

        private static String producerGroup(String configured, Environment environment) {
            if (configured != null && !configured.isBlank()) {
                return configured;
            }
            var name = environment.getProperty("spring.application.name");
            return name == null || name.isBlank() ? DEFAULT_PRODUCER_GROUP : name + "-producer";
        }
    }

    /** Says, once, that the starter is idle and what to set. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OnNoMqNameServerCondition.class)
    static class NotConfigured {

        @Bean
        SmartInitializingSingleton mqNotConfiguredNotice() {
            return () -> LoggerFactory.getLogger(MqAutoConfiguration.class).info(NOT_CONFIGURED);
        }
    }

    static final String NOT_CONFIGURED = "MQ starter idle: mq.name-server is not set, so no MqTemplate, no MqAdmin "
            + "and no @MqListener container was created. Set mq.name-server=host:9876 (several separated by ';') to "
            + "connect.";

}
