package io.mq.client;

import io.mq.broker.BrokerConfig;
import io.mq.broker.EmbeddedBroker;
import io.mq.protocol.message.MessageId;
import io.mq.protocol.message.StoredMessage;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Our broker in this JVM for the tests, with a look into its store to see what a send stored. */
public final class OurBroker implements AutoCloseable {

    private final EmbeddedBroker embedded;

    private OurBroker(EmbeddedBroker embedded) {
        this.embedded = embedded;
    }

    public static OurBroker start(Path dir) {
        return new OurBroker(EmbeddedBroker.start(dir));
    }

    public static OurBroker start(Path dir, UnaryOperator<BrokerConfig> broker) {
        return new OurBroker(EmbeddedBroker.start(dir, broker, s -> s));
    }

    public ClientConfig clientConfig(String instanceName) {
        return ClientConfig.of(embedded.nameServerAddress()).withInstanceName(instanceName);
    }

    public String nameServerAddress() {
        return embedded.nameServerAddress();
    }

    public String brokerAddress() {
        return embedded.brokerAddress();
    }

    public EmbeddedBroker embedded() {
        return embedded;
    }

    /** The stored message a send result points at, with its body. */
    public StoredMessage stored(SendResult result) {
        return stored(result.offsetMsgId());
    }

    public StoredMessage stored(String offsetMsgId) {
        long offset = MessageId.decode(offsetMsgId).commitLogOffset();
        return embedded.broker().runtime().store().lookMessageByOffset(offset)
                .orElseThrow(() -> new AssertionError("nothing stored at " + offset));
    }

    public long maxOffset(String topic, int queueId) {
        return embedded.broker().runtime().store().maxOffset(topic, queueId);
    }

    @Override
    public void close() {
        embedded.close();
    }
}
