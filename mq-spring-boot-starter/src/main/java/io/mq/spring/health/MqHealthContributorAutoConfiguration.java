package io.mq.spring.health;

import io.mq.client.admin.MqAdmin;
import io.mq.spring.MqAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code mq} health indicator, when Boot's health support is present ({@code management.health.mq.enabled}). */
@AutoConfiguration(after = MqAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(MqAdmin.class)
@ConditionalOnEnabledHealthIndicator("mq")
public class MqHealthContributorAutoConfiguration {

    @Bean(name = "mqHealthIndicator")
    @ConditionalOnMissingBean(name = "mqHealthIndicator")
    public MqHealthIndicator mqHealthIndicator(MqAdmin admin) {
        return new MqHealthIndicator(admin);
    }
}
