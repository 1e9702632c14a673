package io.mq.bench.driver;

import io.mq.bench.driver.rocketmq4.OfficialClientDriver;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The drivers this jar knows, by {@code --driver} name.
 *
 * <p>The seam for our own client: when {@code mq-client} lands, add it as a dependency of this module, write
 * {@code io.mq.bench.driver.mq.MqClientDriver implements Driver}, and register it here as {@code "mq"}.
 */
public final class Drivers {

    private static final Map<String, Supplier<Driver>> KNOWN = new TreeMap<>(Map.of(
            OfficialClientDriver.NAME, OfficialClientDriver::new));

    private Drivers() {
    }

    public static Driver byName(String name) {
        var supplier = KNOWN.get(name);
        if (supplier == null) {
            throw new IllegalArgumentException("unknown --driver " + name + "; known: " + KNOWN.keySet());
        }
        return supplier.get();
    }
}
