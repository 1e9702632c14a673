package io.mq.protocol.message;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes {@code UNIQ_KEY} values the way the official client does: hex of client IP, pid (int16), a per-process
 * salt (int32, the client uses its class loader's hash), the milliseconds since the start of the current month
 * (int32) and a counter (int16). Instances hold no global state; one per client is enough.
 */
public final class UniqueIdGenerator {
    private static final byte[] DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** The fixed part in hex digits; each id is a copy of it with 12 digits more. */
    private final byte[] prefix;
    private final Clock clock;
    private final AtomicInteger counter = new AtomicInteger();
    private volatile long monthStart;
    private volatile long nextMonthStart;

    public UniqueIdGenerator(byte[] ip, int pid, int salt, Clock clock) {
        var fixed = ByteBuffer.allocate(ip.length + 2 + 4).put(ip).putShort((short) pid).putInt(salt);
        this.prefix = Hex.encode(fixed.array()).getBytes(StandardCharsets.US_ASCII);
        this.clock = clock;
    }

    /** A generator for this JVM: first non-loopback IPv4 address (or a fake one), this pid, this class loader. */
    public static UniqueIdGenerator forThisProcess() {
        return new UniqueIdGenerator(localAddress(), (int) ProcessHandle.current().pid(),
                UniqueIdGenerator.class.getClassLoader().hashCode(), Clock.systemDefaultZone());
    }

    public String next() {
        long now = clock.millis();
        if (now >= nextMonthStart) {
            resetMonth(now);
        }
        int sinceMonthStart = (int) (now - monthStart);
        var id = Arrays.copyOf(prefix, prefix.length + 12);
        putHex(id, prefix.length, sinceMonthStart, 8);
        putHex(id, prefix.length + 8, counter.getAndIncrement(), 4); // the low 16 bits: the counter is an int16
        return new String(id, StandardCharsets.US_ASCII);
    }

    /** Writes the low {@code digits} hex digits of {@code value} at {@code at}, most significant first. */
    private static void putHex(byte[] to, int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            to[at + i] = DIGITS[value & 0x0F];
            value >>>= 4;
        }
    }

    private synchronized void resetMonth(long now) {
        if (now < nextMonthStart) {
            return;
        }
        ZoneId zone = clock.getZone();
        var start = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(now), zone)
                .withDayOfMonth(1).toLocalDate().atStartOfDay(zone);
        monthStart = start.toInstant().toEpochMilli();
        nextMonthStart = start.plusMonths(1).toInstant().toEpochMilli();
    }

    private static byte[] localAddress() {
        try {
            for (var networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!networkInterface.isUp() || networkInterface.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address.getAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall through to a fake address, as the official client does
        }
        return ByteBuffer.allocate(4).putInt((int) System.nanoTime()).array();
    }
}
