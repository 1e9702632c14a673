package io.mq.spring.listener;

import io.mq.client.ClientConfig;
import io.mq.spring.observation.MqObservations;
import java.util.List;

/** Makes {@link PushConsumerListenerContainer}s on one client, with the given consumer defaults. */
public class DefaultMqListenerContainerFactory implements MqListenerContainerFactory {

    private final ClientConfig clientConfig;
    private final List<ConsumerConfigCustomizer> customizers;
    private final MqObservations observations;

    public DefaultMqListenerContainerFactory(ClientConfig clientConfig, List<ConsumerConfigCustomizer> customizers,
            MqObservations observations) {
        this.clientConfig = clientConfig;
        this.customizers = List.copyOf(customizers);
        this.observations = observations;
    }

    @Override
    public MqListenerContainer createContainer(MqListenerEndpoint endpoint) {
        return new PushConsumerListenerContainer(endpoint, clientConfig, customizers, observations);
    }
}
