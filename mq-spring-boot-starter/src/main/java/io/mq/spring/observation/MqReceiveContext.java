package io.mq.spring.observation;

import io.micrometer.observation.transport.ReceiverContext;
import io.mq.client.MessageView;

/** Observation context of a listener call: a tracing handler reads the producer's trace context from the properties. */
public final class MqReceiveContext extends ReceiverContext<MessageView> {

    private final String group;

    public MqReceiveContext(MessageView message, String group) {
        super(MessageView::property);
        this.group = group;
        setCarrier(message);
        setRemoteServiceName("mq");
    }

    public MessageView message() {
        return getCarrier();
    }

    public String group() {
        return group;
    }
}
