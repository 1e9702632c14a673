package io.mq.client.scenario;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mq.testkit.ApacheRocketMq;
import io.mq.testkit.RuntimeClasspath;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Apache RocketMQ 5.2.0 name server and broker in forked JVMs, set up as {@link OurBrokerUnderTest}: one-second
 * delay levels, one-second transaction checks, SQL92 filtering on.
 */
final class ApacheBrokerUnderTest implements BrokerUnderTest {

    private final ApacheRocketMq rocketMq;

    private ApacheBrokerUnderTest(ApacheRocketMq rocketMq) {
        this.rocketMq = rocketMq;
    }

    /** Skips the calling test class when the runtime classpath was not built (never on CI, where it must be). */
    static ApacheBrokerUnderTest start(Path dir) {
        var ci = System.getenv("CI");
        assumeTrue((ci != null && !ci.isBlank()) || RuntimeClasspath.find().isPresent(),
                "Apache RocketMQ runtime classpath not built (mvn -pl mq-compat/apache-rocketmq-runtime process-classes)");
        var options = ApacheRocketMq.Options.in(dir)
                .withHeap("512m")
                .withStartTimeout(Duration.ofSeconds(120))
                .withTransactionTimeoutMillis(1_000)
                .withTransactionCheckIntervalMillis(1_000)
                .withBrokerConfig(
                        "messageDelayLevel=" + SHORT_DELAY_LEVELS,
                        "enablePropertyFilter=true",
                        // 5.x writes the "done" (op) records of ended transactions in batches, every
                        // transactionOpBatchInterval ms (rocketmq-common 5.2.0 BrokerConfig.java:279, 3000 by default;
                        // TransactionalOpBatchService waits on it). With checks every second a committed half is
                        // checked again before its op record exists, and each answered check commits it once more:
                        // one UNKNOW-then-commit was delivered 4 times. Production settings (checks every 60 s) never
                        // meet this; the test's 1 s checks need the op records written within the check interval.
                        "transactionOpBatchInterval=100");
        return new ApacheBrokerUnderTest(ApacheRocketMq.start(options));
    }

    @Override
    public String kind() {
        return "apache";
    }

    @Override
    public String nameServerAddress() {
        return rocketMq.namesrvAddress();
    }

    @Override
    public String brokerAddress() {
        return rocketMq.brokerAddress();
    }

    @Override
    public String brokerName() {
        return rocketMq.brokerName();
    }

    @Override
    public String clusterName() {
        return rocketMq.clusterName();
    }

    @Override
    public void close() {
        rocketMq.close();
    }
}
