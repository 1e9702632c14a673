package io.mq.protocol.remoting;

/**
 * Where a {@link CommandHeader} writes its ext fields when the frame is encoded straight from the header (the
 * binary codec), without a map of strings in between. Values are written as their decimal or "true"/"false" text,
 * exactly as {@link CommandHeader#toExtFields()} would hold them; a null string is left out.
 */
public interface ExtFieldSink {

    void put(String name, String value);

    void put(String name, long value);

    default void put(String name, boolean value) {
        put(name, value ? "true" : "false");
    }

    /** Puts the value, or leaves the field out when it is null. */
    default void put(String name, Integer value) {
        if (value != null) {
            put(name, value.longValue());
        }
    }
}
