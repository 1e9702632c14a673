package io.mq.bench.run;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message bodies. Random bytes, so that no compression along the way flatters a broker; the end-to-end run
 * stamps the send time (nanoTime, valid because producer and consumer share the JVM) into the first 8 bytes.
 */
public final class Bodies {

    private Bodies() {
    }

    public static byte[] random(int size) {
        var body = new byte[size];
        ThreadLocalRandom.current().nextBytes(body);
        return body;
    }

    /** A copy of {@code template} carrying {@code nanos} in its first 8 bytes. */
    public static byte[] stamped(byte[] template, long nanos) {
        var body = template.clone();
        ByteBuffer.wrap(body).putLong(0, nanos);
        return body;
    }

    public static long stamp(byte[] body) {
        return ByteBuffer.wrap(body).getLong(0);
    }
}
