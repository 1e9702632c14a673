package io.mq.spring.observation;

import io.micrometer.observation.transport.SenderContext;
import java.util.Map;

/**
 * Observation context of a send: a tracing handler writes the trace context (e.g. {@code traceparent}) into the
 * carrier, which becomes user properties of the message.
 */
public final class MqSendContext extends SenderContext<Map<String, String>> {

    private final String topic;
    private final String group;

    public MqSendContext(String topic, String group, Map<String, String> carrier) {
        super((map, key, value) -> map.put(key, value));
        this.topic = topic;
        this.group = group;
        setCarrier(carrier);
        setRemoteServiceName("mq");
    }

    public String topic() {
        return topic;
    }

    public String group() {
        return group;
    }
}
