package io.mq.compat;

import java.nio.file.Path;

/**
 * Keeps the official clients' logging out of the way: through slf4j at WARN (4.9.7), into the build folder (5.2.0),
 * and a one-second rebalance interval so joining consumers settle fast. The build sets the same properties; this is
 * for runs from an IDE. Must run before the first client class loads.
 */
final class ClientLogging {

    private ClientLogging() {
    }

    static void quiet() {
        var logs = Path.of("target", "rocketmq-logs").toAbsolutePath().toString();
        setIfAbsent("rocketmq.client.logUseSlf4j", "true");
        setIfAbsent("rocketmq.client.logRoot", logs);
        setIfAbsent("rocketmq.client.logLevel", "WARN");
        setIfAbsent("rocketmq.log.root", logs);
        setIfAbsent("rocketmq.log.level", "WARN");
        setIfAbsent("rocketmq.client.rebalance.waitInterval", "1000");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
