package io.mq.bench.driver.mq;

import io.mq.bench.driver.BenchProducer;
import io.mq.bench.driver.SendFailedException;
import io.mq.client.Message;
import io.mq.client.MqClientException;
import io.mq.client.SendStatus;
import io.mq.client.producer.MqProducer;
import java.util.function.Consumer;

/** {@link BenchProducer} over a started {@link MqProducer}. */
final class MqClientProducer implements BenchProducer {

    private final MqProducer producer;

    MqClientProducer(MqProducer producer) {
        this.producer = producer;
    }

    @Override
    public void sendSync(String topic, byte[] body) {
        try {
            var result = producer.send(Message.of(topic, body));
            if (result.status() != SendStatus.SEND_OK) {
                throw new SendFailedException(result.status().name());
            }
        } catch (MqClientException e) {
            throw new SendFailedException(e.getMessage(), e);
        }
    }

    @Override
    public void sendAsync(String topic, byte[] body, Consumer<Throwable> done) {
        try {
            producer.sendAsync(Message.of(topic, body)).whenComplete((result, error) -> {
                if (error != null) {
                    done.accept(error);
                } else {
                    done.accept(result.status() == SendStatus.SEND_OK
                            ? null : new SendFailedException(result.status().name()));
                }
            });
        } catch (MqClientException e) {
            throw new SendFailedException(e.getMessage(), e);
        }
    }

    @Override
    public void sendOneway(String topic, byte[] body) {
        try {
            producer.sendOneway(Message.of(topic, body));
        } catch (MqClientException e) {
            throw new SendFailedException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
