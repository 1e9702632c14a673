package io.mq.spring.test;

import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** Gives a Spring test annotated {@link EmbeddedMqBroker} a broker for its application context. */
class EmbeddedMqBrokerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        var annotation = AnnotatedElementUtils.findMergedAnnotation(testClass, EmbeddedMqBroker.class);
        return annotation == null ? null : new EmbeddedMqBrokerContextCustomizer(annotation);
    }
}
