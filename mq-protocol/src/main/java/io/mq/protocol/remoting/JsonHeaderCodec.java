package io.mq.protocol.remoting;

import io.mq.protocol.json.Json;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON header as fastjson writes RocketMQ's command: fields code, extFields, flag, language (by name),
 * opaque, remark (left out when null), serializeTypeCurrentRPC, version. Reading is as lenient as fastjson:
 * unknown fields are ignored, numbers may come as strings, ext field values that are not strings become text.
 */
final class JsonHeaderCodec {

    private JsonHeaderCodec() {
    }

    static byte[] encode(RemotingCommand cmd) {
        var header = new LinkedHashMap<String, Object>();
        header.put("code", cmd.code());
        if (!cmd.extFields().isEmpty()) {
            header.put("extFields", withoutNulls(cmd.extFields()));
        }
        header.put("flag", cmd.flag());
        header.put("language", cmd.language().name());
        header.put("opaque", cmd.opaque());
        if (cmd.remark() != null) {
            header.put("remark", cmd.remark());
        }
        header.put("serializeTypeCurrentRPC", SerializeType.JSON.name());
        header.put("version", cmd.version());
        return Json.writeBytes(header);
    }

    static RemotingCommand decode(byte[] utf8) {
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

    private static Map<String, String> withoutNulls(Map<String, String> fields) {
        var copy = new LinkedHashMap<String, String>();
        fields.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
