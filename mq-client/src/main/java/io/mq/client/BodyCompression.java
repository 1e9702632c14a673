package io.mq.client;

import io.mq.protocol.message.MessageSysFlag;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Message body compression as the official client does it: zlib (deflate with the zlib header) at level 5, flagged
 * {@link MessageSysFlag#COMPRESSED} plus compression type 3 (zlib) in bits 8-10, which 5.x readers look at and
 * 4.x readers ignore (they always inflate with zlib).
 */
public final class BodyCompression {

    /** sysFlag bits of a zlib-compressed body, as the 5.x client sets them. */
    public static final int ZLIB_SYS_FLAG = MessageSysFlag.COMPRESSED | (3 << 8);
    public static final int DEFAULT_LEVEL = 5;

    private BodyCompression() {
    }

    public static byte[] compress(byte[] body, int level) {
        var deflater = new Deflater(level);
        try {
            deflater.setInput(body);
            deflater.finish();
            var out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
            var buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The body as the producer gave it: inflated when {@code sysFlag} says it is compressed. */
    public static byte[] uncompress(byte[] body, int sysFlag) {
        if (body == null || !MessageSysFlag.isCompressed(sysFlag)) {
            return body;
        }
        int type = (sysFlag & MessageSysFlag.COMPRESSION_TYPE_MASK) >> 8;
        if (type != 0 && type != 3) {
            throw new MqClientException(MqClientException.CLIENT_ERROR, "body compressed with type " + type
                    + (type == 1 ? " (LZ4)" : " (ZSTD)") + ", which this client does not read; only zlib");
        }
        var inflater = new Inflater();
        try {
            inflater.setInput(body);
            var out = new ByteArrayOutputStream(body.length * 4);
            var buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new MqClientException(MqClientException.CLIENT_ERROR, "compressed body is truncated");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new MqClientException(MqClientException.CLIENT_ERROR, null, "compressed body is not zlib: "
                    + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
