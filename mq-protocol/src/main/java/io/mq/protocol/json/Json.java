package io.mq.protocol.json;

/**
 * JSON as the RocketMQ remoting protocol uses it. RocketMQ's bodies are written by fastjson, which writes
 * maps with non-string keys as JSON values in key position ({@code {0:"addr"}}, {@code {{"topic":"t"}:1}}):
 * not strict JSON, and the official client parses exactly that. So we read that dialect and write it.
 *
 * <p>Values: objects are {@code LinkedHashMap<Object, Object>} (keys are strings, or numbers/maps where the
 * text had them), arrays {@code ArrayList<Object>}, strings, {@code Long} for integers that fit,
 * {@code BigDecimal} for other numbers, {@code Boolean}, and null.
 */
public final class Json {

    private Json() {
    }

    /** Parses one JSON value; throws {@link JsonException} naming the position of the first error. */
    public static Object parse(String text) {
        return new JsonReader(text).readDocument();
    }

    /** Parses a UTF-8 body. */
    public static Object parse(byte[] utf8) {
        return parse(new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Parses a document that must be an object. */
    public static JsonObject parseObject(String text) {
        var value = parse(text);
        if (value instanceof java.util.Map<?, ?> map) {
            return new JsonObject(map);
        }
        throw new JsonException("expected a JSON object, got " + JsonObject.describe(value));
    }

    public static JsonObject parseObject(byte[] utf8) {
        return parseObject(new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Writes a value: maps (non-string keys written as fastjson does), collections and arrays of objects,
     * strings, numbers, booleans, enums (by name), null, and {@link JsonWritable}.
     */
    public static String write(Object value) {
        var out = new StringBuilder(128);
        JsonWriter.write(value, out);
        return out.toString();
    }

    public static byte[] writeBytes(Object value) {
        return write(value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
