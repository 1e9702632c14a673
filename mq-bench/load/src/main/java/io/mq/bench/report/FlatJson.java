package io.mq.bench.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes and reads one flat JSON object of strings and numbers: all a result line needs, with no JSON library
 * on the load generator's classpath (the official client brings its own fastjson, which we leave alone).
 */
final class FlatJson {

    private FlatJson() {
    }

    static String write(Map<String, Object> fields) {
        var out = new StringBuilder("{");
        for (var entry : fields.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(entry.getKey()).append("\":");
            var value = entry.getValue();
            if (value instanceof Double d) {
                out.append(String.format(Locale.ROOT, "%.3f", d));
            } else if (value instanceof Number n) {
                out.append(n);
            } else {
                out.append('"').append(escape(String.valueOf(value))).append('"');
            }
        }
        return out.append('}').toString();
    }

    /** Field name to raw value (strings unquoted); rejects nesting and anything it cannot read. */
    static Map<String, String> read(String json) {
        var text = json.trim();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new IllegalArgumentException("not a JSON object: " + json);
        }
        var fields = new LinkedHashMap<String, String>();
        int i = 1;
        int end = text.length() - 1;
        while (true) {
            i = skipSpace(text, i);
            if (i >= end) {
                return fields;
            }
            var name = new StringBuilder();
            i = readString(text, i, name);
            i = skipSpace(text, i);
            expect(text, i++, ':');
            i = skipSpace(text, i);
            var value = new StringBuilder();
            if (text.charAt(i) == '"') {
                i = readString(text, i, value);
            } else {
                while (i < end && text.charAt(i) != ',' && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i++);
                    if (c == '{' || c == '[') {
                        throw new IllegalArgumentException("nested values are not supported: " + json);
                    }
                    value.append(c);
                }
            }
            fields.put(name.toString(), value.toString());
            i = skipSpace(text, i);
            if (i < end) {
                expect(text, i++, ',');
            }
        }
    }

    private static int readString(String text, int i, StringBuilder into) {
        expect(text, i++, '"');
        while (text.charAt(i) != '"') {
            char c = text.charAt(i++);
            if (c == '\\') {
                c = text.charAt(i++);
            }
            into.append(c);
        }
        return i + 1;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void expect(String text, int i, char c) {
        if (i >= text.length() || text.charAt(i) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + text);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
