package io.mq.protocol.header;

import io.mq.protocol.remoting.ProtocolException;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the ext fields of the name-server headers. A missing or malformed required field is a
 * {@link ProtocolException} with SYSTEM_ERROR, the code RocketMQ answers a header it cannot decode with.
 */
final class NamesrvFields {

    static final int SYSTEM_ERROR = io.mq.protocol.remoting.ResponseCode.SYSTEM_ERROR;

    private NamesrvFields() {
    }

    static String required(RemotingCommand cmd, String name) {
        var value = cmd.ext(name);
        if (value == null) {
            throw new ProtocolException(SYSTEM_ERROR, "the custom field <" + name + "> is null");
        }
        return value;
    }

    static String optional(RemotingCommand cmd, String name) {
        return cmd.ext(name);
    }

    static long requiredLong(RemotingCommand cmd, String name) {
        return parseLong(name, required(cmd, name));
    }

    static Long optionalLong(RemotingCommand cmd, String name) {
        var value = cmd.ext(name);
        return value == null ? null : parseLong(name, value);
    }

    static int requiredInt(RemotingCommand cmd, String name) {
        return Math.toIntExact(requiredLong(cmd, name));
    }

    static Integer optionalInt(RemotingCommand cmd, String name) {
        var value = optionalLong(cmd, name);
        return value == null ? null : Math.toIntExact(value);
    }

    static Boolean optionalBool(RemotingCommand cmd, String name) {
        var value = cmd.ext(name);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ProtocolException(SYSTEM_ERROR, "the custom field <" + name + "> is not a boolean: " + value);
    }

    static boolean requiredBool(RemotingCommand cmd, String name) {
        required(cmd, name);
        return optionalBool(cmd, name);
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ProtocolException(SYSTEM_ERROR, "the custom field <" + name + "> is not a number: " + value, e);
        }
    }

    /** Builds ext fields from name/value pairs, leaving out nulls. */
    static Map<String, String> fields(Object... namesAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            var value = namesAndValues[i + 1];
            if (value != null) {
                map.put((String) namesAndValues[i], value.toString());
            }
        }
        return map;
    }
}
