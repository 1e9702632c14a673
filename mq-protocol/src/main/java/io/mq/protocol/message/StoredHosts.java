package io.mq.protocol.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * The born and store addresses of decoded records. A log holds a few hosts over and over (one store host, the
 * producers' addresses), and the dispatcher decodes every record: IPv4 addresses are shared, not rebuilt (five
 * objects each) per record. IPv6 ones are rare and built each time.
 */
final class StoredHosts {

    /**
     * Direct-mapped by a hash of ip and port, no boxed keys: a slot holds the last host that hashed there. Readers
     * race with writers harmlessly: a slot is null or a whole entry (final fields), and a miss only builds again.
     */
    private static final Cached[] IPV4 = new Cached[256];

    private record Cached(long key, InetSocketAddress address) {
    }

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
        int slot = (int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> 56); // the top 8 bits: 256 slots
        var cached = IPV4[slot];
        if (cached != null && cached.key() == key) {
            return cached.address();
        }
        var built = build(ByteBuffer.allocate(4).putInt(0, ip).array(), port);
        IPV4[slot] = new Cached(key, built);
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
