package io.mq.spring.listener;

import io.mq.client.consumer.ConsumeFrom;
import io.mq.client.consumer.MessageSelector;
import io.mq.client.producer.MqProducer;
import io.mq.spring.core.MqMessageConverter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.util.StringUtils;

/**
 * Finds {@link MqListener} methods on beans, resolves their attributes ({@code ${...}}, {@code #{...}}) into
 * {@link MqListenerEndpoint}s, and once every singleton exists registers them with the
 * {@link MqListenerEndpointRegistry} through their {@link MqListenerContainerFactory}.
 */
public class MqListenerAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware,
        SmartInitializingSingleton {

    /** The container factory a listener uses unless it names another. */
    public static final String DEFAULT_CONTAINER_FACTORY = "mqListenerContainerFactory";

    private final List<Pending> pending = new ArrayList<>();
    private ConfigurableBeanFactory beanFactory;
    private DefaultMessageHandlerMethodFactory methodFactory;
    private MqMessageConverter converter;
    private ListenerReplies replies;
    private MqListenerEndpointRegistry registry;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        var type = AopUtils.getTargetClass(bean);
        Map<Method, MqListener> methods = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<MqListener>) method ->
                        AnnotatedElementUtils.findMergedAnnotation(method, MqListener.class));
        methods.forEach((method, annotation) -> {
            var pendingListener = new Pending(bean, beanName, method, annotation);
            synchronized (pending) {
                if (registry == null) {
                    pending.add(pendingListener);
                    return;
                }
            }
            register(pendingListener); // a bean created after startup (lazy, prototype)
        });
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Pending> toRegister;
        synchronized (pending) {
            converter = beanFactory.getBean(MqMessageConverter.class);
            methodFactory = new DefaultMessageHandlerMethodFactory();
            methodFactory.setMessageConverter(converter.payloadConverter());
            methodFactory.setCustomArgumentResolvers(List.of(new MessageViewArgumentResolver()));
            methodFactory.setBeanFactory(beanFactory);
            methodFactory.afterPropertiesSet();
            var producers = beanFactory.getBeanProvider(MqProducer.class);
            replies = new ListenerReplies(converter, producers::getIfUnique);
            registry = beanFactory.getBean(MqListenerEndpointRegistry.class);
            toRegister = List.copyOf(pending);
            pending.clear();
        }
        toRegister.forEach(this::register);
    }

    private void register(Pending listener) {
        var endpoint = endpoint(listener);
        var factoryName = resolve(listener.annotation().containerFactory());
        var factory = beanFactory.getBean(factoryName.isEmpty() ? DEFAULT_CONTAINER_FACTORY : factoryName,
                MqListenerContainerFactory.class);
        registry.register(endpoint, factory);
    }

    MqListenerEndpoint endpoint(Pending listener) {
        var annotation = listener.annotation();
        var where = listener.beanName() + "#" + listener.method().getName();
        var id = resolve(annotation.id());
        var expression = resolve(annotation.selectorExpression());
        var selector = annotation.selectorType() == SelectorType.SQL92 ? MessageSelector.sql(expression)
                : MessageSelector.tag(expression);
        var invocable = methodFactory.createInvocableHandlerMethod(listener.bean(),
                AopUtils.selectInvocableMethod(listener.method(), listener.bean().getClass()));
        var autoStartup = resolve(annotation.autoStartup());
        try {
            return new MqListenerEndpoint(id.isEmpty() ? where : id, resolve(annotation.topic()),
                    resolve(annotation.consumerGroup()), selector, annotation.consumeMode(),
                    annotation.messageModel(), integer(annotation.maxReconsumeTimes(), "maxReconsumeTimes", where),
                    integer(annotation.consumeThreads(), "consumeThreads", where),
                    consumeFrom(annotation.consumeFrom(), where),
                    autoStartup.isEmpty() || Boolean.parseBoolean(autoStartup),
                    new MethodMqMessageHandler(invocable, converter, replies));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("@MqListener on " + where + ": " + e.getMessage(), e);
        }
    }

    private Integer integer(String value, String attribute, String where) {
        var resolved = resolve(value);
        if (resolved.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(resolved);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("@MqListener on " + where + ": " + attribute + " \"" + resolved
                    + "\" is not a number", e);
        }
    }

    private ConsumeFrom consumeFrom(String value, String where) {
        var resolved = resolve(value);
        if (resolved.isEmpty()) {
            return null;
        }
        try {
            return ConsumeFrom.valueOf(resolved.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("@MqListener on " + where + ": consumeFrom \"" + resolved
                    + "\" is none of LAST_OFFSET, FIRST_OFFSET, TIMESTAMP", e);
        }
    }

    /** Placeholders, then a SpEL expression; blank stays "". */
    private String resolve(String value) {
        if (!StringUtils.hasText(value)) {
            return "";
        }
        var resolved = beanFactory.resolveEmbeddedValue(value);
        var expressions = beanFactory.getBeanExpressionResolver();
        if (expressions != null && resolved != null) {
            var evaluated = expressions.evaluate(resolved, new BeanExpressionContext(beanFactory, null));
            resolved = evaluated == null ? null : evaluated.toString();
        }
        return resolved == null ? "" : resolved.trim();
    }

    record Pending(Object bean, String beanName, Method method, MqListener annotation) {
    }
}
