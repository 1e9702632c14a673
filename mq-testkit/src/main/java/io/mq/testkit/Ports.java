package io.mq.testkit;

/**
 * The ports of one name server + broker pair. The broker binds {@code brokerPort}, its "VIP"
 * channel on {@code brokerPort - 2} and HA on {@code brokerPort + 1}.
 */
public record Ports(int namesrvPort, int brokerPort) {

    /** The broker's VIP ("fast") channel: Apache RocketMQ always binds it two below the listen port. */
    public int brokerVipPort() {
        return brokerPort - 2;
    }

    /** The broker's HA port: Apache RocketMQ binds it one above the listen port. */
    public int brokerHaPort() {
        return brokerPort + 1;
    }
}
