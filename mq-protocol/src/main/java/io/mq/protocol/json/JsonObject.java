package io.mq.protocol.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed, read-only access to a parsed JSON object, for turning bodies into records. Getters return the
 * given default when the field is absent or null, and throw {@link JsonException} naming the field when it
 * has the wrong type. Numbers written as strings are accepted, as fastjson accepts them.
 */
public final class JsonObject {

    private final Map<?, ?> fields;

    public JsonObject(Map<?, ?> fields) {
        this.fields = fields;
    }

    public boolean has(String name) {
        return fields.get(name) != null;
    }

    public Object raw(String name) {
        return fields.get(name);
    }

    public Map<?, ?> asMap() {
        return fields;
    }

    public String string(String name) {
        return string(name, null);
    }

    public String string(String name, String defaultValue) {
        var v = fields.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        throw wrongType(name, "a string", v);
    }

    public long longValue(String name, long defaultValue) {
        var v = fields.get(name);
        return v == null ? defaultValue : toLong(name, v);
    }

    public int intValue(String name, int defaultValue) {
        return Math.toIntExact(longValue(name, defaultValue));
    }

    public boolean bool(String name, boolean defaultValue) {
        var v = fields.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw wrongType(name, "a boolean", v);
    }

    /** The nested object, or null when absent. */
    public JsonObject object(String name) {
        var v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            return new JsonObject(m);
        }
        throw wrongType(name, "an object", v);
    }

    /** The array's elements, or an empty list when absent. */
    public List<Object> array(String name) {
        var v = fields.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw wrongType(name, "an array", v);
    }

    /** The array's elements that are objects, each mapped by {@code reader}. */
    public <T> List<T> objects(String name, Function<JsonObject, T> reader) {
        var out = new ArrayList<T>();
        for (var element : array(name)) {
            out.add(reader.apply(asObject(element, name)));
        }
        return out;
    }

    public static JsonObject asObject(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return new JsonObject(m);
        }
        throw new JsonException(what + ": expected an object, got " + describe(value));
    }

    /** A number, or a string holding one, as a long (fastjson writes map keys such as broker ids either way). */
    public static long toLong(String what, Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException ex) {
                throw new JsonException(what + ": " + d + " is not a whole number in range");
            }
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException ex) {
                throw new JsonException(what + ": '" + s + "' is not a number");
            }
        }
        throw new JsonException(what + ": expected a number, got " + describe(v));
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return v.getClass().getSimpleName() + " " + v;
    }

    private static JsonException wrongType(String name, String expected, Object v) {
        return new JsonException("field '" + name + "': expected " + expected + ", got " + describe(v));
    }

    @Override
    public String toString() {
        return Json.write(fields);
    }
}
