package io.mq.spring.health;

import io.mq.client.admin.MqAdmin;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the name server answers the cluster-info request (details: the clusters and their brokers), down with the
 * error when it does not.
 */
public class MqHealthIndicator extends AbstractHealthIndicator {

    private final MqAdmin admin;

    public MqHealthIndicator(MqAdmin admin) {
        super("MQ name server health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var info = admin.clusterInfo();
        builder.up()
                .withDetail("nameServers", admin.client().config().nameServers())
                .withDetail("clusters", new TreeMap<>(info.clusterAddrTable()))
                .withDetail("brokers", info.brokerAddrTable().size());
    }
}
