package io.mq.protocol.remoting;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The ROCKETMQ binary header: int16 code, int8 language, int16 version, int32 opaque, int32 flag,
 * int32 remark length + UTF-8 remark, int32 ext length + repeated (int16 key length, key, int32 value length,
 * value). Big-endian, as Netty writes by default.
 */
final class BinaryHeaderCodec {

    /** code, language, version, opaque, flag, remark length, ext length. */
    private static final int FIXED_PART = 2 + 1 + 2 + 4 + 4 + 4 + 4;

    private BinaryHeaderCodec() {
    }

    static void encode(RemotingCommand cmd, ByteBuf out) {
        out.writeShort(cmd.code());
        out.writeByte(cmd.language().ordinal());
        out.writeShort(cmd.version());
        out.writeInt(cmd.opaque());
        out.writeInt(cmd.flag());
        var remark = cmd.remark();
        if (remark == null || remark.isEmpty()) {
            out.writeInt(0);
        } else {
            writeString(out, false, remark);
        }
        int extLengthIndex = out.writerIndex();
        out.writeInt(0);
        var header = cmd.header();
        if (header != null) { // straight from the typed header: no map, no number strings
            header.writeExtFields(new FieldWriter(out));
        } else {
            for (var field : cmd.extFields().entrySet()) {
                if (field.getKey() != null && field.getValue() != null) {
                    writeString(out, true, field.getKey());
                    writeString(out, false, field.getValue());
                }
            }
        }
        out.setInt(extLengthIndex, out.writerIndex() - extLengthIndex - 4);
    }

    /** Writes ext fields as they come, numbers as ASCII digits without making a string of them. */
    private record FieldWriter(ByteBuf out) implements ExtFieldSink {
        @Override
        public void put(String name, String value) {
            if (name != null && value != null) {
                writeString(out, true, name);
                writeString(out, false, value);
            }
        }

        @Override
        public void put(String name, long value) {
            writeString(out, true, name);
            if (value == Long.MIN_VALUE) { // no positive counterpart to write digits of
                writeString(out, false, Long.toString(value));
                return;
            }
            int digits = 1;
            for (long rest = Math.abs(value) / 10; rest > 0; rest /= 10) {
                digits++;
            }
            int length = value < 0 ? digits + 1 : digits;
            out.writeInt(length);
            int start = out.writerIndex();
            out.writerIndex(start + length);
            long rest = Math.abs(value);
            for (int i = start + length - 1; i >= start + length - digits; i--) {
                out.setByte(i, (int) ('0' + rest % 10));
                rest /= 10;
            }
            if (value < 0) {
                out.setByte(start, '-');
            }
        }
    }

    /** Reads a header that occupies all of {@code header}'s readable bytes. */
    static RemotingCommand decode(ByteBuf header) {
        if (header.readableBytes() < FIXED_PART) {
            throw new MalformedCommandException("binary header of " + header.readableBytes()
                    + " bytes is shorter than its fixed part (" + FIXED_PART + ")");
        }
        var cmd = new RemotingCommand()
                .code(header.readShort())
                .language(LanguageCode.ofCode(header.readByte()))
                .version(header.readShort())
                .opaque(header.readInt())
                .flag(header.readInt());
        String remark = readString(header, header.readInt(), "remark");
        cmd.remark(remark.isEmpty() ? null : remark);
        int extLength = header.readInt();
        if (extLength < 0 || extLength > header.readableBytes()) {
            throw new MalformedCommandException("binary header ext fields length " + extLength
                    + " exceeds the header (" + header.readableBytes() + " bytes left)");
        }
        if (extLength > 0) {
            cmd.extFields(readExtFields(header, header.readerIndex() + extLength));
        }
        return cmd;
    }

    /** Reads ext fields up to {@code end}, the reader index where they stop (no slice: one object less per frame). */
    private static Map<String, String> readExtFields(ByteBuf fields, int end) {
        var map = new CompactExtFields(16);
        while (fields.readerIndex() < end) {
            if (end - fields.readerIndex() < 2) {
                throw new MalformedCommandException("binary header ext field key length truncated");
            }
            String key = readString(fields, fields.readUnsignedShort(), end, "ext field key");
            if (end - fields.readerIndex() < 4) {
                throw new MalformedCommandException("binary header ext field '" + key + "' value length truncated");
            }
            int valueLength = fields.readInt();
            if (valueLength < 0 || valueLength > end - fields.readerIndex()) { // named here: no text built per field
                throw new MalformedCommandException("binary header ext field '" + key + "' length " + valueLength
                        + " exceeds the header (" + (end - fields.readerIndex()) + " bytes left)");
            }
            String value = readString(fields, valueLength, end, "ext field value");
            map.put(key, value);
        }
        return map;
    }

    private static String readString(ByteBuf buf, int length, String what) {
        return readString(buf, length, buf.writerIndex(), what);
    }

    private static String readString(ByteBuf buf, int length, int end, String what) {
        int left = end - buf.readerIndex();
        if (length < 0 || length > left) {
            throw new MalformedCommandException("binary header " + what + " length " + length
                    + " exceeds the header (" + left + " bytes left)");
        }
        var known = KnownStrings.match(buf, buf.readerIndex(), length);
        if (known != null) {
            buf.skipBytes(length);
            return known;
        }
        return buf.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }

    private static void writeString(ByteBuf out, boolean shortLength, String value) {
        int lengthIndex = out.writerIndex();
        if (shortLength) {
            out.writeShort(0);
        } else {
            out.writeInt(0);
        }
        int length = out.writeCharSequence(value, StandardCharsets.UTF_8);
        if (shortLength) {
            if (length > Short.MAX_VALUE) {
                throw new IllegalArgumentException("ext field key longer than 32767 bytes: " + value.substring(0, 40));
            }
            out.setShort(lengthIndex, length);
        } else {
            out.setInt(lengthIndex, length);
        }
    }
}
