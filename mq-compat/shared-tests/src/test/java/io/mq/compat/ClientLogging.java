package io.mq.compat;

import java.nio.file.Path;

/**
 * Keeps the official clients' logging out of the way: through slf4j (4.9.7) or the 5.x client's shaded logback
 * (5.2.0), at WARN and never into ~/logs; broadcasting consumers' local offsets under target, never in
 * ~/.rocketmq_offsets; and a one-second rebalance interval so joining consumers (and orderly lock retries) settle
 * fast. The build sets the logging and rebalance properties too; this is for runs from an IDE. Must run before the
 * first client class loads: the clients read these once, into static fields.
 */
final class ClientLogging {

    private ClientLogging() {
    }

    static void quiet() {
        var logs = Path.of("target", "rocketmq-logs").toAbsolutePath().toString();
        // Each client's file sits under its client id, and every instance name here is unique: no run reads another's.
        setIfAbsent("rocketmq.client.localOffsetStoreDir", Path.of("target", "rocketmq-offsets").toAbsolutePath().toString());
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
