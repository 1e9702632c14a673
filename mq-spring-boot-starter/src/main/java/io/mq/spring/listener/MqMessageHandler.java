package io.mq.spring.listener;

import io.mq.client.MessageView;

/** Handles one received message; throwing means "deliver it again later". */
@FunctionalInterface
public interface MqMessageHandler {

    void handle(MessageView message);
}
