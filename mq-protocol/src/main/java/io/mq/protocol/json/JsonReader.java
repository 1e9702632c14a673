package io.mq.protocol.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A recursive-descent reader for JSON plus fastjson's non-string object keys. */
final class JsonReader {

    private static final int MAX_DEPTH = 512;

    private final String text;
    private int pos;
    private int depth;

    JsonReader(String text) {
        if (text == null) {
            throw new JsonException("no JSON text");
        }
        this.text = text;
    }

    Object readDocument() {
        var value = readValue();
        skipWhitespace();
        if (pos != text.length()) {
            throw error("unexpected trailing text");
        }
        return value;
    }

    private Object readValue() {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("unexpected end of text");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> readString();
            case 't' -> readLiteral("true", Boolean.TRUE);
            case 'f' -> readLiteral("false", Boolean.FALSE);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield readNumber();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<Object, Object> readObject() {
        enter();
        pos++; // '{'
        var map = new LinkedHashMap<Object, Object>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            var key = readValue(); // fastjson may write a number or an object here
            skipWhitespace();
            expect(':');
            map.put(key, readValue());
            skipWhitespace();
            char c = next();
            if (c == '}') {
                depth--;
                return map;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> readArray() {
        enter();
        pos++; // '['
        var list = new ArrayList<Object>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            list.add(readValue());
            skipWhitespace();
            char c = next();
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String readString() {
        pos++; // opening quote
        for (int end = pos; end < text.length(); end++) { // most strings have no escape: one substring
            char c = text.charAt(end);
            if (c == '"') {
                var plain = text.substring(pos, end);
                pos = end + 1;
                return plain;
            }
            if (c == '\\') {
                break;
            }
        }
        var out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    out.append((char) hex(4, "bad \\u escape"));
                }
                case 'x' -> { // fastjson writes \xNN for some control characters
                    if (pos + 2 > text.length()) {
                        throw error("truncated \\x escape");
                    }
                    out.append((char) hex(2, "bad \\x escape"));
                }
                default -> throw error("bad escape '\\" + e + "'");
            }
        }
    }

    /** {@code digits} hex digits at the position (Integer.parseInt on a CharSequence was a hot spot). */
    private int hex(int digits, String what) {
        int value = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(text.charAt(pos++), 16);
            if (d < 0) {
                pos--;
                throw error(what);
            }
            value = (value << 4) | d;
        }
        return value;
    }

    private Object readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        boolean integral = true;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                pos++;
            } else {
                break;
            }
        }
        var digits = text.substring(start, pos);
        try {
            if (integral && digits.length() <= 18) {
                return Long.parseLong(digits);
            }
            var decimal = new BigDecimal(digits);
            if (integral) {
                try {
                    return decimal.longValueExact();
                } catch (ArithmeticException tooBig) {
                    return decimal;
                }
            }
            return decimal;
        } catch (NumberFormatException ex) {
            pos = start;
            throw error("bad number '" + digits + "'");
        }
    }

    private Object readLiteral(String literal, Object value) {
        if (!text.startsWith(literal, pos)) {
            throw error("unexpected token");
        }
        pos += literal.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw error("unexpected end of text");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private JsonException error(String what) {
        return new JsonException(what + " at position " + pos);
    }
}
