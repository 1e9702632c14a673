package io.mq.bench.driver.rocketmq4;

import io.mq.bench.driver.BenchProducer;
import io.mq.bench.driver.SendFailedException;
import java.util.function.Consumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/** {@link BenchProducer} over a started {@link DefaultMQProducer}. */
final class OfficialProducer implements BenchProducer {

    private final DefaultMQProducer producer;

    OfficialProducer(DefaultMQProducer producer) {
        this.producer = producer;
    }

    @Override
    public void sendSync(String topic, byte[] body) {
        SendResult result;
        try {
            result = producer.send(new Message(topic, body));
        } catch (Exception e) { // the client declares four checked exceptions; all mean "not sent"
            throw new SendFailedException(e.getMessage(), e);
        }
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new SendFailedException(result.getSendStatus().name());
        }
    }

    @Override
    public void sendAsync(String topic, byte[] body, Consumer<Throwable> done) {
        try {
            producer.send(new Message(topic, body), new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    done.accept(result.getSendStatus() == SendStatus.SEND_OK
                            ? null : new SendFailedException(result.getSendStatus().name()));
                }

                @Override
                public void onException(Throwable e) {
                    done.accept(e);
                }
            });
        } catch (Exception e) {
            throw new SendFailedException(e.getMessage(), e);
        }
    }

    @Override
    public void sendOneway(String topic, byte[] body) {
        try {
            producer.sendOneway(new Message(topic, body));
        } catch (Exception e) {
            throw new SendFailedException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.shutdown();
    }
}
