package io.mq.protocol.remoting;

import io.mq.protocol.json.Json;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON header as fastjson writes RocketMQ's command: fields code, extFields, flag, language (by name),
 * opaque, remark (left out when null), serializeTypeCurrentRPC, version. Reading is as lenient as fastjson:
 * unknown fields are ignored, numbers may come as strings, ext field values that are not strings become text.
 */
final class JsonHeaderCodec {

    private JsonHeaderCodec() {
    }

    private static final byte[] CODE = ascii("{\"code\":");
    private static final byte[] EXT_FIELDS = ascii(",\"extFields\":{");
    private static final byte[] FLAG = ascii(",\"flag\":");
    private static final byte[] LANGUAGE = ascii(",\"language\":");
    private static final byte[] OPAQUE = ascii(",\"opaque\":");
    private static final byte[] REMARK = ascii(",\"remark\":");
    private static final byte[] SERIALIZE_TYPE_AND_VERSION = ascii(",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":");

    /**
     * Writes the header straight into {@code out}, in fastjson's field order. Per response on the broker, so no
     * intermediate map or string: ext values that are plain ASCII are copied as they are.
     */
    static void encode(RemotingCommand cmd, ByteBuf out) {
        out.writeBytes(CODE);
        writeInt(cmd.code(), out);
        if (!cmd.extFields().isEmpty()) {
            out.writeBytes(EXT_FIELDS);
            boolean first = true;
            for (var field : cmd.extFields().entrySet()) {
                if (field.getKey() == null || field.getValue() == null) {
                    continue; // fastjson leaves out null values
                }
                if (!first) {
                    out.writeByte(',');
                }
                first = false;
                writeString(field.getKey(), out);
                out.writeByte(':');
                writeString(field.getValue(), out);
            }
            out.writeByte('}');
        }
        out.writeBytes(FLAG);
        writeInt(cmd.flag(), out);
        out.writeBytes(LANGUAGE);
        writeString(cmd.language().name(), out);
        out.writeBytes(OPAQUE);
        writeInt(cmd.opaque(), out);
        if (cmd.remark() != null) {
            out.writeBytes(REMARK);
            writeString(cmd.remark(), out);
        }
        out.writeBytes(SERIALIZE_TYPE_AND_VERSION);
        writeInt(cmd.version(), out);
        out.writeByte('}');
    }

    /** The header alone as bytes (tests and tools). */
    static byte[] encode(RemotingCommand cmd) {
        var out = Unpooled.buffer(256);
        encode(cmd, out);
        return ByteBufUtil.getBytes(out);
    }

    private static void writeInt(int value, ByteBuf out) {
        ByteBufUtil.writeAscii(out, Integer.toString(value));
    }

    private static void writeString(String s, ByteBuf out) {
        if (isPlainAscii(s)) {
            out.writeByte('"');
            ByteBufUtil.writeAscii(out, s);
            out.writeByte('"');
        } else {
            ByteBufUtil.writeUtf8(out, Json.write(s));
        }
    }

    /** Printable ASCII with nothing to escape. */
    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static RemotingCommand decode(byte[] utf8) {
        var scanned = JsonHeaderScanner.scan(utf8);
        return scanned != null ? scanned : decodeGeneric(utf8);
    }

    /** Any JSON fastjson would read, through the general tree; names what is wrong with a malformed header. */
    static RemotingCommand decodeGeneric(byte[] utf8) {
        Object parsed;
        try {
            parsed = Json.parse(utf8);
        } catch (RuntimeException e) {
            throw new MalformedCommandException("malformed JSON header: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> header)) {
            throw new MalformedCommandException("JSON header is not an object");
        }
        var cmd = new RemotingCommand()
                .code(intField(header, "code", 0))
                .version(intField(header, "version", 0))
                .opaque(intField(header, "opaque", 0))
                .flag(intField(header, "flag", 0))
                .language(language(header.get("language")));
        if (header.get("remark") != null) {
            cmd.remark(header.get("remark").toString());
        }
        var ext = header.get("extFields");
        if (ext instanceof Map<?, ?> fields) {
            cmd.extFields(extFields(fields));
        } else if (ext != null) {
            throw new MalformedCommandException("JSON header extFields is not an object");
        }
        return cmd;
    }

    private static int intField(Map<?, ?> header, String name, int defaultValue) {
        var value = header.get(name);
        try {
            if (value == null) {
                return defaultValue;
            } else if (value instanceof Long l) {
                return Math.toIntExact(l);
            } else if (value instanceof BigDecimal d) {
                return d.intValueExact();
            } else if (value instanceof String s) {
                return Integer.parseInt(s.trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new MalformedCommandException("JSON header field " + name + " is not an int: " + value, e);
        }
        throw new MalformedCommandException("JSON header field " + name + " is not an int: " + value);
    }

    private static LanguageCode language(Object value) {
        if (value instanceof Long code) {
            return LanguageCode.ofCode(code.intValue()); // fastjson also reads an enum from its ordinal
        }
        return value == null ? LanguageCode.JAVA : LanguageCode.ofName(value.toString());
    }

    private static Map<String, String> extFields(Map<?, ?> fields) {
        var map = new HashMap<String, String>(Math.max(4, fields.size() * 2));
        for (var field : fields.entrySet()) {
            var value = field.getValue();
            if (value == null) {
                continue;
            }
            var text = value instanceof String s ? s
                    : value instanceof Map<?, ?> || value instanceof java.util.List<?> ? Json.write(value)
                    : value.toString();
            map.put(String.valueOf(field.getKey()), text);
        }
        return map;
    }
}
