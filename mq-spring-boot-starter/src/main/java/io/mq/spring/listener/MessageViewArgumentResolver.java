package io.mq.spring.listener;

import io.mq.client.MessageView;
import io.mq.spring.core.MqHeaders;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/** Gives a listener parameter of type {@link MessageView} the received message as the client read it. */
final class MessageViewArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == MessageView.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        return message.getHeaders().get(MqHeaders.RAW_MESSAGE);
    }
}
