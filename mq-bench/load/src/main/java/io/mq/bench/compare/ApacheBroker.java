package io.mq.bench.compare;

import io.mq.testkit.ApacheRocketMq;
import io.mq.testkit.FlushDiskType;
import java.nio.file.Path;
import java.time.Duration;

/** Apache RocketMQ 5.2.0 (name server and broker in two forked JVMs), via the testkit. */
record ApacheBroker(ApacheRocketMq rocketMq, Duration startup) implements RunningBroker {

    static ApacheBroker start(Path dir, FlushDiskType flush, String heap, StartupProbe probe) {
        long spawn = System.nanoTime();
        var rocketMq = ApacheRocketMq.start(ApacheRocketMq.Options.in(dir).withFlushDiskType(flush).withHeap(heap));
        try {
            return new ApacheBroker(rocketMq, probe.awaitFirstSend(rocketMq.namesrvAddress(), spawn, rocketMq::isRunning));
        } catch (RuntimeException e) {
            rocketMq.close();
            throw e;
        }
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.APACHE;
    }

    @Override
    public String namesrvAddress() {
        return rocketMq.namesrvAddress();
    }

    @Override
    public long pid() {
        return rocketMq.brokerPid();
    }

    @Override
    public void close() {
        rocketMq.close();
    }
}
