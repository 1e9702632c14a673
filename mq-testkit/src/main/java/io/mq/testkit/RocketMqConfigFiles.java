package io.mq.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code namesrv.properties} and {@code broker.conf} for one name server + broker pair.
 * Both are read by {@link java.util.Properties}, where a later line wins, so the options' extra
 * broker lines come last and can override any default written here.
 */
final class RocketMqConfigFiles {

    static final String CLUSTER_NAME = "DefaultCluster";
    static final String BROKER_NAME = "broker-a";
    static final String HOST = "127.0.0.1";

    private RocketMqConfigFiles() {
    }

    /** Writes {@code dir/namesrv.properties}; returns its path. */
    static Path writeNamesrv(Path dir, Ports ports) {
        return write(dir.resolve("namesrv.properties"), List.of("listenPort=" + ports.namesrvPort()));
    }

    /** Writes {@code dir/broker.conf} with the store under {@code dir/store}; returns its path. */
    static Path writeBroker(Path dir, Ports ports, ApacheRocketMq.Options options) {
        var store = dir.resolve("store");
        var lines = new ArrayList<>(List.of(
                "brokerClusterName=" + CLUSTER_NAME,
                "brokerName=" + BROKER_NAME,
                "brokerId=0",
                "brokerRole=ASYNC_MASTER",
                "listenPort=" + ports.brokerPort(),
                "namesrvAddr=" + HOST + ":" + ports.namesrvPort(),
                "brokerIP1=" + HOST,
                "storePathRootDir=" + store,
                "storePathCommitLog=" + store.resolve("commitlog"),
                "autoCreateTopicEnable=true",
                "autoCreateSubscriptionGroup=true",
                "enablePropertyFilter=true",
                "flushDiskType=" + options.flushDiskType().name(),
                "transactionTimeOut=" + options.transactionTimeoutMillis(),
                "transactionCheckInterval=" + options.transactionCheckIntervalMillis()));
        lines.addAll(options.extraBrokerConfig());
        return write(dir.resolve("broker.conf"), lines);
    }

    private static Path write(Path file, List<String> lines) {
        try {
            // Properties treats backslashes as escapes; forward slashes keep Windows-style paths intact too.
            Files.write(file, lines.stream().map(line -> line.replace('\\', '/')).toList());
            return file;
        } catch (IOException e) {
            throw new ApacheRocketMqException("Cannot write " + file, e);
        }
    }
}
