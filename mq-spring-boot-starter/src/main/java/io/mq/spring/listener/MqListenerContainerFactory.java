package io.mq.spring.listener;

/** Makes the container of an endpoint; declare a bean of this type to change how every listener consumes. */
@FunctionalInterface
public interface MqListenerContainerFactory {

    MqListenerContainer createContainer(MqListenerEndpoint endpoint);
}
