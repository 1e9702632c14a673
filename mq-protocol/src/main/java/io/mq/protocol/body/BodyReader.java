package io.mq.protocol.body;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonException;
import io.mq.protocol.json.JsonObject;
import io.mq.protocol.remoting.ProtocolException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Shared reading steps of the body types: parsing a body (a missing or malformed one becomes a
 * {@link ProtocolException}), and the collection shapes fastjson writes (sets as arrays, maps keyed by
 * objects or numbers).
 */
public final class BodyReader {

    /** RocketMQ answers a body it cannot decode with SYSTEM_ERROR. */
    static final int SYSTEM_ERROR = 1;

    private BodyReader() {
    }

    /** Parses a whole body and maps it with {@code reader}; any failure names {@code what}. */
    public static <T> T decode(byte[] body, String what, Function<JsonObject, T> reader) {
        if (body == null || body.length == 0) {
            throw new ProtocolException(SYSTEM_ERROR, "missing " + what + " body");
        }
        try {
            return reader.apply(Json.parseObject(body));
        } catch (JsonException | IllegalArgumentException | ArithmeticException ex) {
            throw new ProtocolException(SYSTEM_ERROR, "malformed " + what + " body: " + ex.getMessage(), ex);
        }
    }

    static Set<String> stringSet(JsonObject json, String name) {
        var out = new LinkedHashSet<String>();
        for (var element : json.array(name)) {
            out.add(element == null ? null : element.toString());
        }
        return out;
    }

    static List<String> stringList(JsonObject json, String name) {
        var out = new ArrayList<String>();
        for (var element : json.array(name)) {
            out.add(element == null ? null : element.toString());
        }
        return out;
    }

    static Set<Integer> intSet(JsonObject json, String name) {
        var out = new LinkedHashSet<Integer>();
        for (var element : json.array(name)) {
            out.add(Math.toIntExact(JsonObject.toLong(name, element)));
        }
        return out;
    }

    static <T> Set<T> objectSet(JsonObject json, String name, Function<JsonObject, T> reader) {
        return new LinkedHashSet<>(json.objects(name, reader));
    }

    /** A map written with message queues in key position; values mapped by {@code valueReader}. */
    static <V> Map<MessageQueue, V> queueMap(JsonObject json, String name, Function<Object, V> valueReader) {
        var out = new LinkedHashMap<MessageQueue, V>();
        var map = json.object(name);
        if (map != null) {
            map.asMap().forEach((key, value) -> out.put(MessageQueue.fromJsonKey(key), valueReader.apply(value)));
        }
        return out;
    }

    /** A map with string keys; values mapped by {@code valueReader}. */
    static <V> Map<String, V> stringMap(JsonObject json, String name, Function<Object, V> valueReader) {
        var out = new LinkedHashMap<String, V>();
        var map = json.object(name);
        if (map != null) {
            map.asMap().forEach((key, value) -> out.put(String.valueOf(key), valueReader.apply(value)));
        }
        return out;
    }

    static double doubleValue(JsonObject json, String name, double defaultValue) {
        var v = json.raw(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim()).doubleValue();
            } catch (NumberFormatException ex) {
                throw new JsonException("field '" + name + "': '" + s + "' is not a number");
            }
        }
        throw new JsonException("field '" + name + "': expected a number");
    }

    static <E extends Enum<E>> E enumValue(JsonObject json, String name, Class<E> type) {
        var text = json.string(name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException ex) {
            throw new JsonException("field '" + name + "': unknown " + type.getSimpleName() + " '" + text + "'");
        }
    }

    /** A raw JSON object field as a plain map, for parts we carry through without interpreting. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> rawObject(JsonObject json, String name) {
        var object = json.object(name);
        if (object == null) {
            return null;
        }
        var out = new LinkedHashMap<String, Object>();
        ((Map<Object, Object>) object.asMap()).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    static <T> Set<T> copyOfSet(Set<T> values) {
        return values == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    static <K, V> Map<K, V> copyOfMap(Map<K, V> values) {
        return values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static <T> List<T> copyOfList(List<T> values) {
        return values == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
}
