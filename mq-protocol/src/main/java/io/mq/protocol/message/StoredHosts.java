package io.mq.protocol.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The born and store addresses of decoded records. A log holds a few hosts over and over (one store host, the
 * producers' addresses), and the dispatcher decodes every record: IPv4 addresses are shared, not rebuilt (five
 * objects each) per record. IPv6 ones are rare and built each time.
 */
final class StoredHosts {

    private static final int MAX_CACHED = 4096;
    private static final Map<Long, InetSocketAddress> IPV4 = new ConcurrentHashMap<>();

    private StoredHosts() {
    }

    /** Reads a 4- or 16-byte address and a 4-byte port at the buffer's position, and moves past them. */
    static InetSocketAddress read(ByteBuffer record, boolean v6) {
        if (v6) {
            var address = new byte[16];
            record.get(address);
            return build(address, record.getInt());
        }
        int ip = record.getInt();
        int port = record.getInt();
        long key = (ip & 0xFFFF_FFFFL) << 32 | (port & 0xFFFF_FFFFL);
        var known = IPV4.get(key);
        if (known != null) {
            return known;
        }
        if (IPV4.size() >= MAX_CACHED) {
            IPV4.clear(); // producers come and go; never let the cache grow with them
        }
        var built = build(ByteBuffer.allocate(4).putInt(0, ip).array(), port);
        IPV4.put(key, built);
        return built;
    }

    private static InetSocketAddress build(byte[] address, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // unreachable: the length is 4 or 16
        }
    }
}
