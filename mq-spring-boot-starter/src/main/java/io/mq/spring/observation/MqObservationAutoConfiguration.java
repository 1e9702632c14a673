package io.mq.spring.observation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link MqObservations} for the template and the listeners: timers when a {@link MeterRegistry} bean exists,
 * observations when an {@link ObservationRegistry} bean exists, neither otherwise.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
public class MqObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public MqObservations mqObservations(ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<MqMetrics> metrics) {
        return new MqObservations(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
                metrics.getIfUnique(() -> MqMetrics.NONE));
    }

    /** Micrometer timers, only with micrometer-core and a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class MicrometerMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MqMetrics mqMetrics(MeterRegistry meterRegistry) {
            return new MicrometerMqMetrics(meterRegistry);
        }
    }
}
