package io.mq.bench.driver;

import io.mq.bench.driver.mq.MqClientDriver;
import io.mq.bench.driver.rocketmq4.OfficialClientDriver;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The drivers this jar knows, by {@code --driver} name.
 *
 * <p>{@code rocketmq4}: the official 4.9.7 client; {@code mq}: our own ({@code mq-client}).
 */
public final class Drivers {

    private static final Map<String, Supplier<Driver>> KNOWN = new TreeMap<>(Map.of(
            OfficialClientDriver.NAME, OfficialClientDriver::new,
            MqClientDriver.NAME, MqClientDriver::new));

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
