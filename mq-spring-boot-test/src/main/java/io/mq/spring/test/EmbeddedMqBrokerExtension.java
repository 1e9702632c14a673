package io.mq.spring.test;

import io.mq.broker.EmbeddedBroker;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Resolves {@link EmbeddedBroker} parameters of an {@link EmbeddedMqBroker} test: the Spring context's broker in a
 * Spring test, else one started for the test class (closed after it).
 */
public class EmbeddedMqBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedMqBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        var testClass = extensionContext.getRequiredTestClass();
        if (isSpringTest(testClass)) {
            return SpringExtension.getApplicationContext(extensionContext)
                    .getBean(EmbeddedMqBrokerContextCustomizer.BEAN_NAME, EmbeddedBroker.class);
        }
        var settings = AnnotatedElementUtils.findMergedAnnotation(testClass, EmbeddedMqBroker.class);
        var classContext = extensionContext.getRoot() == extensionContext ? extensionContext
                : classContext(extensionContext);
        var running = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                type -> EmbeddedMqBrokers.start(settings), EmbeddedMqBrokers.RunningBroker.class);
        return running.broker();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        var current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static boolean isSpringTest(Class<?> testClass) {
        return AnnotatedElementUtils.findMergedAnnotationAttributes(testClass,
                "org.junit.jupiter.api.extension.ExtendWith", false, true) != null
                && AnnotatedElementUtils.getMergedRepeatableAnnotations(testClass,
                        org.junit.jupiter.api.extension.ExtendWith.class).stream()
                        .flatMap(e -> java.util.Arrays.stream(e.value())).anyMatch(SpringExtension.class::equals);
    }
}
