package io.mq.client.scenario;

import static org.awaitility.Awaitility.await;

import io.mq.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.time.Duration;

/** Our broker and name server in this JVM, with one-second delay levels and one-second transaction checks. */
final class OurBrokerUnderTest implements BrokerUnderTest {

    private final EmbeddedBroker embedded;

    private OurBrokerUnderTest(EmbeddedBroker embedded) {
        this.embedded = embedded;
    }

    static OurBrokerUnderTest start(Path dir) {
        var embedded = EmbeddedBroker.start(dir, config -> config
                .withMessageDelayLevel(SHORT_DELAY_LEVELS)
                .withTransactionTimeout(Duration.ofSeconds(1))
                .withTransactionCheckInterval(Duration.ofSeconds(1)), store -> store);
        // The broker registers on its own thread; clients need the route.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                embedded.nameServer().registry().liveBrokerAddrs().contains(embedded.brokerAddress()));
        return new OurBrokerUnderTest(embedded);
    }

    @Override
    public String kind() {
        return "ours";
    }

    @Override
    public String nameServerAddress() {
        return embedded.nameServerAddress();
    }

    @Override
    public String brokerAddress() {
        return embedded.brokerAddress();
    }

    @Override
    public String brokerName() {
        return embedded.broker().config().brokerName();
    }

    @Override
    public String clusterName() {
        return embedded.broker().config().clusterName();
    }

    @Override
    public void close() {
        embedded.close();
    }
}
