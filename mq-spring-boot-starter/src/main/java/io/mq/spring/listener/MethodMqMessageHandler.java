package io.mq.spring.listener;

import io.mq.client.MessageView;
import io.mq.spring.core.MqMessageConverter;
import java.lang.reflect.InvocationTargetException;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/** Calls a listener method with arguments resolved from the received message (body, headers, the message itself). */
final class MethodMqMessageHandler implements MqMessageHandler {

    private final InvocableHandlerMethod method;
    private final MqMessageConverter converter;

    MethodMqMessageHandler(InvocableHandlerMethod method, MqMessageConverter converter) {
        this.method = method;
        this.converter = converter;
    }

    @Override
    public void handle(MessageView message) {
        try {
            method.invoke(converter.toSpringMessage(message));
        } catch (RuntimeException e) {
            throw e;
        } catch (InvocationTargetException e) {
            throw new MqListenerExecutionException(method.getShortLogMessage(), e.getTargetException());
        } catch (Exception e) {
            throw new MqListenerExecutionException(method.getShortLogMessage(), e);
        }
    }

    @Override
    public String toString() {
        return method.getShortLogMessage();
    }
}
