package io.mq.protocol.header;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a header's ext fields the way RocketMQ's client does: numbers as decimal strings, booleans as
 * "true"/"false", null values left out.
 */
public final class ExtFieldWriter {

    private final Map<String, String> fields = new LinkedHashMap<>();

    public static ExtFieldWriter create() {
        return new ExtFieldWriter();
    }

    /** Puts {@code String.valueOf(value)}; a null value is left out. */
    public ExtFieldWriter put(String name, Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
        return this;
    }

    public Map<String, String> build() {
        return fields;
    }
}
