package io.mq.client;

import io.mq.broker.BrokerConfig;
import io.mq.broker.EmbeddedBroker;
import io.mq.protocol.message.MessageId;
import io.mq.protocol.message.StoredMessage;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.util.function.UnaryOperator;

/** Our broker in this JVM for the tests, with a look into its store to see what a send stored. */
public final class OurBroker implements AutoCloseable {

    private final EmbeddedBroker embedded;

    private OurBroker(EmbeddedBroker embedded) {
        this.embedded = embedded;
    }

    public static OurBroker start(Path dir) {
        return start(dir, c -> c);
    }

    /**
     * Starts and waits until the name server lists the broker (it registers on its own thread). Transaction checks
     * run every second, so a check-back test waits seconds, not the production minute.
     */
    public static OurBroker start(Path dir, UnaryOperator<BrokerConfig> broker) {
        UnaryOperator<BrokerConfig> fastChecks = c -> c.withTransactionTimeout(Duration.ofSeconds(1))
                .withTransactionCheckInterval(Duration.ofSeconds(1));
        var embedded = EmbeddedBroker.start(dir, c -> broker.apply(fastChecks.apply(c)), s -> s);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                embedded.nameServer().registry().liveBrokerAddrs().contains(embedded.brokerAddress()));
        return new OurBroker(embedded);
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
