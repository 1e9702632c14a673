package io.mq.protocol.json;

import java.util.Collection;
import java.util.Map;

/** Writes values in the JSON dialect fastjson produces (see {@link Json}). */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof java.math.BigInteger
                || value instanceof java.math.BigDecimal) {
            out.append(value);
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            out.append(Double.isFinite(d) ? value.toString() : "null");
        } else if (value instanceof Enum<?> e) {
            writeString(e.name(), out);
        } else if (value instanceof JsonWritable w) {
            write(w.toJson(), out);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out);
        } else if (value instanceof Collection<?> c) {
            writeArray(c, out);
        } else if (value instanceof Object[] array) {
            writeArray(java.util.Arrays.asList(array), out);
        } else if (value instanceof Character c) {
            writeString(c.toString(), out);
        } else {
            throw new JsonException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (var entry : map.entrySet()) {
            if (entry.getValue() == null) {
                continue; // fastjson leaves out null fields by default
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            // A string key is quoted; any other key is written as its JSON value, as fastjson does.
            write(entry.getKey(), out);
            out.append(':');
            write(entry.getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(Collection<?> values, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (var v : values) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(v, out);
        }
        out.append(']');
    }

    static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        // Every message's properties hold \u0001/\u0002 separators and the official client sends JSON
                        // headers by default, so this runs per send: no String.format here.
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
