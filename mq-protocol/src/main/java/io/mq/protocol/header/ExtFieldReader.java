package io.mq.protocol.header;

import io.mq.protocol.remoting.ProtocolException;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * Typed reads of a command's ext fields for the header records: a missing required field or a value that
 * does not parse becomes a {@link ProtocolException} naming the field. Unknown fields are simply not read,
 * so headers from newer clients (5.x {@code lo}, {@code ns}, {@code oway}, ...) pass.
 */
public final class ExtFieldReader {

    /** RocketMQ answers a header it cannot decode with SYSTEM_ERROR. */
    static final int SYSTEM_ERROR = 1;

    private final Map<String, String> fields;

    private ExtFieldReader(Map<String, String> fields) {
        this.fields = fields == null ? Map.of() : fields;
    }

    public static ExtFieldReader of(Map<String, String> fields) {
        return new ExtFieldReader(fields);
    }

    public static ExtFieldReader of(RemotingCommand command) {
        return new ExtFieldReader(command.extFields());
    }

    public String string(String name) {
        var value = fields.get(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    public String optionalString(String name) {
        return fields.get(name);
    }

    public int integer(String name) {
        return parseInt(name, string(name));
    }

    public Integer optionalInteger(String name) {
        var value = fields.get(name);
        return value == null ? null : parseInt(name, value);
    }

    public int integer(String name, int defaultValue) {
        var value = fields.get(name);
        return value == null ? defaultValue : parseInt(name, value);
    }

    public long longValue(String name) {
        return parseLong(name, string(name));
    }

    public Long optionalLong(String name) {
        var value = fields.get(name);
        return value == null ? null : parseLong(name, value);
    }

    /** A required boolean: RocketMQ's own decoder takes anything but "true" as false, and so do we. */
    public boolean bool(String name) {
        return Boolean.parseBoolean(string(name));
    }

    public boolean bool(String name, boolean defaultValue) {
        var value = fields.get(name);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }

    public Boolean optionalBool(String name) {
        var value = fields.get(name);
        return value == null ? null : Boolean.parseBoolean(value);
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException ex) {
            throw malformed(name, value);
        }
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException ex) {
            throw malformed(name, value);
        }
    }

    private static ProtocolException missing(String name) {
        return new ProtocolException(SYSTEM_ERROR, "missing header field '" + name + "'");
    }

    private static ProtocolException malformed(String name, String value) {
        return new ProtocolException(SYSTEM_ERROR, "malformed header field '" + name + "': '" + value + "'");
    }
}
