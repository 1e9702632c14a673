package io.mq.protocol.remoting;

import java.util.Map;

/**
 * A typed custom header. Implementations are records with a static {@code from(RemotingCommand)} (or
 * {@code from(Map)}) that parses and validates the ext fields, throwing {@link ProtocolException} naming the
 * missing or malformed field, and {@link #toExtFields()} that writes them back (null values left out).
 */
public interface CommandHeader {
    Map<String, String> toExtFields();

    /**
     * Writes the same fields as {@link #toExtFields()} to {@code sink}. Headers on a hot path override it to skip the
     * map and the number-to-string conversions.
     */
    default void writeExtFields(ExtFieldSink sink) {
        toExtFields().forEach(sink::put);
    }
}
