package io.mq.compat;

import java.nio.file.Path;

/**
 * Keeps the official clients' logging out of the way: through slf4j (4.9.7) or the 5.x client's shaded logback
 * (5.2.0), at WARN and never into ~/logs; and a one-second rebalance interval so joining consumers settle fast. The
 * build sets the same properties; this is for runs from an IDE. Must run before the first client class loads.
 */
final class ClientLogging {

    private ClientLogging() {
    }

    static void quiet() {
        var logs = Path.of("target", "rocketmq-logs").toAbsolutePath().toString();
        setIfAbsent("rocketmq.client.logUseSlf4j", "true");
        setIfAbsent("rocketmq.client.logRoot", logs);
        setIfAbsent("rocketmq.client.logLevel", "WARN");
        var shadedLogbackConfig = ClientLogging.class.getResource("/rmq-compat-logback.xml");
        if (shadedLogbackConfig != null) {
            setIfAbsent("rmq.logback.configurationFile", shadedLogbackConfig.toString());
        }
        setIfAbsent("rocketmq.client.rebalance.waitInterval", "1000");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
