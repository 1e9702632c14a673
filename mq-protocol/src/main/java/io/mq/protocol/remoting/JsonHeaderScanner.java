package io.mq.protocol.remoting;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads the JSON command header the way every RocketMQ client writes it, straight from its UTF-8 bytes: one object
 * with the known fields, {@code extFields} holding string values. The official client sends JSON headers by
 * default, so this runs for every request; going through the generic JSON tree cost a third of the broker's CPU
 * on the send path. Anything outside that common shape (unknown fields, nested ext values, odd escapes,
 * malformed text) returns null, and the caller reads the header with the general reader, which also names errors.
 */
final class JsonHeaderScanner {

    private static final byte[] CODE = ascii("code");
    private static final byte[] EXT_FIELDS = ascii("extFields");
    private static final byte[] FLAG = ascii("flag");
    private static final byte[] LANGUAGE = ascii("language");
    private static final byte[] OPAQUE = ascii("opaque");
    private static final byte[] REMARK = ascii("remark");
    private static final byte[] SERIALIZE_TYPE = ascii("serializeTypeCurrentRPC");
    private static final byte[] VERSION = ascii("version");
    private static final LanguageCode[] LANGUAGES = LanguageCode.values();
    /** The official client's SEND_MESSAGE_V2 header has one-letter ext keys: one shared String each. */
    private static final String[] ONE_LETTER_KEYS = new String[128];

    static {
        for (char c = ' '; c < 127; c++) {
            ONE_LETTER_KEYS[c] = String.valueOf(c).intern();
        }
    }

    /** Thrown inside the scanner only, to leave for the general reader; no stack trace, never escapes. */
    private static final class NotCommonShape extends RuntimeException {
        NotCommonShape() {
            super(null, null, false, false);
        }
    }

    private static final NotCommonShape NOT_COMMON = new NotCommonShape();

    private final byte[] text;
    private int pos;

    private JsonHeaderScanner(byte[] text) {
        this.text = text;
    }

    /** The command, or null when the header is not in the common shape. */
    static RemotingCommand scan(byte[] utf8) {
        try {
            return new JsonHeaderScanner(utf8).readHeader();
        } catch (NotCommonShape | IndexOutOfBoundsException | NumberFormatException e) {
            return null;
        }
    }

    private RemotingCommand readHeader() {
        var cmd = new RemotingCommand().language(LanguageCode.JAVA).version(0); // absent fields read as 0
        expect('{');
        if (peekAfterWhitespace() == '}') {
            pos++;
        } else {
            do {
                readField(cmd);
            } while (nextAfterWhitespace() == ',');
            pos--;
            expect('}');
        }
        if (peekAfterWhitespace() != -1) {
            throw NOT_COMMON;
        }
        return cmd;
    }

    private void readField(RemotingCommand cmd) {
        expect('"');
        int keyStart = pos;
        int keyEnd = skipPlainString();
        expect(':');
        if (is(keyStart, keyEnd, CODE)) {
            cmd.code(readInt());
        } else if (is(keyStart, keyEnd, OPAQUE)) {
            cmd.opaque(readInt());
        } else if (is(keyStart, keyEnd, FLAG)) {
            cmd.flag(readInt());
        } else if (is(keyStart, keyEnd, VERSION)) {
            cmd.version(readInt());
        } else if (is(keyStart, keyEnd, LANGUAGE)) {
            cmd.language(readLanguage());
        } else if (is(keyStart, keyEnd, REMARK)) {
            cmd.remark(readNullableString());
        } else if (is(keyStart, keyEnd, EXT_FIELDS)) {
            cmd.extFields(readExtFields());
        } else if (is(keyStart, keyEnd, SERIALIZE_TYPE)) {
            readNullableString(); // the frame's type byte is what counts
        } else {
            throw NOT_COMMON;
        }
    }

    private Map<String, String> readExtFields() {
        expect('{');
        var fields = new CompactExtFields(16);
        if (peekAfterWhitespace() == '}') {
            pos++;
            return fields;
        }
        do {
            expect('"');
            var key = readKey();
            expect(':');
            var value = readScalarAsText();
            if (value != null) {
                fields.put(key, value);
            }
        } while (nextAfterWhitespace() == ',');
        pos--;
        expect('}');
        return fields;
    }

    /** A string as it is, or a number or boolean as its text (as fastjson reads it into a String field); null skipped. */
    private String readScalarAsText() {
        int c = peekAfterWhitespace();
        if (c == '"') {
            pos++;
            return readStringBody();
        }
        if (c == 'n') {
            literal("null");
            return null;
        }
        if (c == 't') {
            literal("true");
            return "true";
        }
        if (c == 'f') {
            literal("false");
            return "false";
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return Long.toString(readLong()); // as the general reader renders a number: no leading zeros, no -0
        }
        throw NOT_COMMON; // objects and arrays: the general reader writes them back as JSON text
    }

    private String readNullableString() {
        int c = peekAfterWhitespace();
        if (c == 'n') {
            literal("null");
            return null;
        }
        expect('"');
        return readStringBody();
    }

    private LanguageCode readLanguage() {
        int c = peekAfterWhitespace();
        if (c == '"') {
            pos++;
            return LanguageCode.ofName(readStringBody());
        }
        long code = readLong(); // fastjson also reads an enum from its ordinal
        return code >= 0 && code < LANGUAGES.length ? LANGUAGES[(int) code] : LanguageCode.OTHER;
    }

    private int readInt() {
        long value = peekAfterWhitespace() == '"' ? readQuotedLong() : readLong();
        if (value != (int) value) {
            throw NOT_COMMON;
        }
        return (int) value;
    }

    private long readQuotedLong() {
        pos++;
        long value = readLong();
        if (text[pos++] != '"') {
            throw NOT_COMMON;
        }
        return value;
    }

    /** An integer of at most 18 digits; anything else (fractions, exponents, longer) is not the common shape. */
    private long readLong() {
        boolean negative = text[pos] == '-';
        if (negative) {
            pos++;
        }
        int start = pos;
        long value = 0;
        while (pos < text.length && text[pos] >= '0' && text[pos] <= '9') {
            value = value * 10 + (text[pos++] - '0');
        }
        int digits = pos - start;
        if (digits == 0 || digits > 18 || (pos < text.length && (text[pos] == '.' || text[pos] == 'e' || text[pos] == 'E'))) {
            throw NOT_COMMON;
        }
        return negative ? -value : value;
    }

    /** After the opening quote: an ext field's key. */
    private String readKey() {
        byte first = text[pos];
        if (text[pos + 1] == '"' && first >= ' ' && first < 127 && first != '\\' && first != '"') {
            pos += 2;
            return ONE_LETTER_KEYS[first];
        }
        return readStringBody();
    }

    /** After the opening quote: the string up to its closing quote, which is consumed. */
    private String readStringBody() {
        int start = pos;
        boolean ascii = true;
        byte b;
        while ((b = text[pos]) != '"') {
            if (b == '\\') {
                return readEscapedString(start);
            }
            ascii &= b >= 0;
            pos++;
        }
        pos++;
        return new String(text, start, pos - 1 - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /**
     * Strings with escapes (message properties carry \u0001 and \u0002 separators). The text decodes into one
     * byte array when it is all Latin-1 (the common case): the result is never longer than the raw text.
     */
    private String readEscapedString(int start) {
        int close = closingQuote(pos);
        var out = new byte[close - start];
        int length = 0;
        for (int i = start; i < close; ) {
            byte b = text[i];
            if (b < 0) {
                return readEscapedUtf8(start);
            }
            if (b != '\\') {
                out[length++] = b;
                i++;
                continue;
            }
            pos = i + 1;
            char c = unescape();
            if (c > 0xFF) {
                return readEscapedUtf8(start);
            }
            out[length++] = (byte) c;
            i = pos;
        }
        pos = close + 1;
        return new String(out, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** Where the string that goes on at {@code from} ends: its closing quote, skipping escaped characters. */
    private int closingQuote(int from) {
        int i = from;
        while (text[i] != '"') {
            i += text[i] == '\\' ? 2 : 1;
        }
        return i;
    }

    /**
     * Any text: runs between escapes are decoded as UTF-8 at once (a backslash or quote byte never occurs inside
     * a multi-byte sequence).
     */
    private String readEscapedUtf8(int start) {
        pos = start;
        var out = new StringBuilder(closingQuote(start) - start);
        int run = start;
        while (true) {
            byte b = text[pos];
            if (b == '"' || b == '\\') {
                out.append(new String(text, run, pos - run, StandardCharsets.UTF_8));
                pos++;
                if (b == '"') {
                    return out.toString();
                }
                out.append(unescape());
                run = pos;
            } else {
                pos++;
            }
        }
    }

    private char unescape() {
        byte e = text[pos++];
        return switch (e) {
            case '"', '\\', '/' -> (char) e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> (char) hex(4);
            case 'x' -> (char) hex(2); // fastjson writes \xNN for some control characters
            default -> throw NOT_COMMON;
        };
    }

    private int hex(int digits) {
        int value = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(text[pos++], 16);
            if (d < 0) {
                throw NOT_COMMON;
            }
            value = (value << 4) | d;
        }
        return value;
    }

    /** After the opening quote of a key: skips to the closing quote; returns where the key ends. */
    private int skipPlainString() {
        while (text[pos] != '"') {
            if (text[pos] == '\\') {
                throw NOT_COMMON;
            }
            pos++;
        }
        return pos++;
    }

    private boolean is(int start, int end, byte[] name) {
        if (end - start != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (text[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (text[pos++] != word.charAt(i)) {
                throw NOT_COMMON;
            }
        }
    }

    private void expect(char c) {
        if (nextAfterWhitespace() != c) {
            throw NOT_COMMON;
        }
    }

    private int nextAfterWhitespace() {
        int c = peekAfterWhitespace();
        pos++;
        return c;
    }

    /** The next non-whitespace byte without consuming it, or -1 at the end. */
    private int peekAfterWhitespace() {
        while (pos < text.length) {
            byte b = text[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
            pos++;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
