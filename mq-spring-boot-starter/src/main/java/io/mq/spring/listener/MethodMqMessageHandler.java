package io.mq.spring.listener;

import io.mq.client.MessageView;
import io.mq.spring.core.MqMessageConverter;
import java.lang.reflect.InvocationTargetException;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/** Calls a listener method with arguments resolved from the received message (body, headers, the message itself). */
final class MethodMqMessageHandler implements MqMessageHandler {

    private final InvocableHandlerMethod method;
    private final MqMessageConverter converter;
    private final ListenerReplies replies;

    MethodMqMessageHandler(InvocableHandlerMethod method, MqMessageConverter converter) {
        this(method, converter, null);
    }

    /** @param replies sends a non-null return value back when the message is a request; null: return values ignored */
    MethodMqMessageHandler(InvocableHandlerMethod method, MqMessageConverter converter, ListenerReplies replies) {
        this.method = method;
        this.converter = converter;
        this.replies = replies;
    }

    @Override
    public void handle(MessageView message) {
        try {
            var result = method.invoke(converter.toSpringMessage(message));
            if (replies != null) {
                replies.replyIfRequested(message, result, method.getShortLogMessage());
            }
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
