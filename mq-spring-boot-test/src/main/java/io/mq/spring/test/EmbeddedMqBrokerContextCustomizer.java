package io.mq.spring.test;

import io.mq.broker.EmbeddedBroker;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the broker before the context refreshes, registers it as the bean {@code embeddedMqBroker}, adds the
 * starter's properties as defaults, and closes the broker after every other bean has been destroyed. Equal
 * annotations give equal customizers, so cached contexts share nothing else.
 */
final class EmbeddedMqBrokerContextCustomizer implements ContextCustomizer {

    static final String BEAN_NAME = "embeddedMqBroker";

    private final EmbeddedMqBroker settings;

    EmbeddedMqBrokerContextCustomizer(EmbeddedMqBroker settings) {
        this.settings = settings;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        var running = EmbeddedMqBrokers.start(settings);
        var properties = EmbeddedMqBrokers.properties(running);
        var environment = context.getEnvironment();
        // The address must win over an application.properties that names another name server.
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedMqBroker.address",
                java.util.Map.of("mq.name-server", properties.remove("mq.name-server"))));
        environment.getPropertySources().addLast(new MapPropertySource("embeddedMqBroker.defaults", properties));
        var beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
        beanFactory.registerSingleton(BEAN_NAME, running.broker());
        // Registered first, destroyed last: listeners and producers leave while the broker still answers.
        beanFactory.registerDisposableBean(BEAN_NAME + ".lifecycle", running::close);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbeddedMqBrokerContextCustomizer that && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    static EmbeddedBroker brokerOf(ConfigurableApplicationContext context) {
        return context.getBean(BEAN_NAME, EmbeddedBroker.class);
    }
}
