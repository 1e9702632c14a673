package io.mq.spring.listener;

import io.mq.client.ClientConfig;
import io.mq.client.MessageView;
import io.mq.client.consumer.ConcurrentListener;
import io.mq.client.consumer.ConsumeResult;
import io.mq.client.consumer.ConsumerConfig;
import io.mq.client.consumer.MqPushConsumer;
import io.mq.client.consumer.OrderlyListener;
import io.mq.client.consumer.OrderlyResult;
import io.mq.spring.observation.MqObservations;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an endpoint on an {@link MqPushConsumer}: a concurrent or orderly listener that hands each message to the
 * endpoint's handler. A handler that throws fails the batch: a concurrent one goes back to the broker for a later
 * delivery (then to the dead-letter queue), an orderly queue pauses and retries in place.
 */
public class PushConsumerListenerContainer implements MqListenerContainer {

    private static final Logger log = LoggerFactory.getLogger(PushConsumerListenerContainer.class);

    private final MqListenerEndpoint endpoint;
    private final ClientConfig clientConfig;
    private final List<ConsumerConfigCustomizer> customizers;
    private final MqObservations observations;
    private volatile MqPushConsumer consumer;

    public PushConsumerListenerContainer(MqListenerEndpoint endpoint, ClientConfig clientConfig,
            List<ConsumerConfigCustomizer> customizers, MqObservations observations) {
        this.endpoint = endpoint;
        this.clientConfig = clientConfig;
        this.customizers = customizers;
        this.observations = observations;
    }

    @Override
    public MqListenerEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public synchronized void start() {
        if (consumer != null) {
            return;
        }
        var builder = MqPushConsumer.builder(clientConfig, consumerConfig())
                .subscribe(endpoint.topic(), endpoint.selector());
        if (endpoint.consumeMode() == ConsumeMode.ORDERLY) {
            builder.orderlyListener(orderly());
        } else {
            builder.listener(concurrent());
        }
        try {
            consumer = builder.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("listener " + endpoint.id() + " (group " + endpoint.group() + ", topic "
                    + endpoint.topic() + ") could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        var running = consumer;
        consumer = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return consumer != null;
    }

    /** The consumer while running (for tests and diagnostics), else null. */
    public MqPushConsumer consumer() {
        return consumer;
    }

    /** The factory's defaults, then the endpoint's own settings. */
    ConsumerConfig consumerConfig() {
        var builder = ConsumerConfig.builder(endpoint.group());
        customizers.forEach(customizer -> customizer.customize(builder));
        builder.group(endpoint.group());
        builder.messageModel(endpoint.messageModel() == MessageModel.BROADCASTING
                ? io.mq.protocol.body.MessageModel.BROADCASTING : io.mq.protocol.body.MessageModel.CLUSTERING);
        if (endpoint.consumeFrom() != null) {
            builder.consumeFrom(endpoint.consumeFrom());
        }
        if (endpoint.consumeThreads() != null) {
            builder.consumeThreads(endpoint.consumeThreads());
        }
        if (endpoint.maxReconsumeTimes() != null) {
            builder.maxReconsumeTimes(endpoint.maxReconsumeTimes());
        }
        return builder.build();
    }

    private ConcurrentListener concurrent() {
        return (messages, context) -> handleAll(messages) ? ConsumeResult.CONSUME_SUCCESS
                : ConsumeResult.RECONSUME_LATER;
    }

    private OrderlyListener orderly() {
        return (messages, context) -> handleAll(messages) ? OrderlyResult.SUCCESS
                : OrderlyResult.SUSPEND_CURRENT_QUEUE_A_MOMENT;
    }

    private boolean handleAll(List<MessageView> messages) {
        for (var message : messages) {
            try {
                observations.consume(message, endpoint.group(), () -> endpoint.handler().handle(message));
            } catch (RuntimeException | Error e) {
                log.warn("listener {} failed on message {} of {} (delivery {}); it will be delivered again: {}",
                        endpoint.id(), message.msgId(), message.topic(), message.reconsumeTimes() + 1,
                        e.getMessage(), e);
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "MqListenerContainer[" + endpoint.id() + ": " + endpoint.group() + " <- " + endpoint.topic() + "]";
    }
}
