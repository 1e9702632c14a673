package io.mq.protocol.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The offset message id: the store host (IPv4 4 bytes or IPv6 16 bytes, then the port as int32) and the
 * commit-log offset (int64), as upper-case hex (32 chars for IPv4, 56 for IPv6).
 */
public record MessageId(InetSocketAddress storeHost, long commitLogOffset) {
    private static final int IPV4_ID_LENGTH = (4 + 4 + 8) * 2;
    private static final int IPV6_ID_LENGTH = (16 + 4 + 8) * 2;

    public static String encode(InetSocketAddress storeHost, long commitLogOffset) {
        return encode(storeHost.getAddress().getAddress(), storeHost.getPort(), commitLogOffset);
    }

    /** Encodes from raw address bytes, for callers that keep the store host's bytes at hand. */
    public static String encode(byte[] address, int port, long commitLogOffset) {
        // straight into Latin-1 digits: a consumer makes one of these for every pulled message
        var digits = new byte[(address.length + 4 + 8) * 2];
        int at = 0;
        for (byte b : address) {
            at = Hex.put(digits, at, b, 1);
        }
        at = Hex.put(digits, at, port, 4);
        Hex.put(digits, at, commitLogOffset, 8);
        return new String(digits, StandardCharsets.ISO_8859_1);
    }

    /** Parses an offset id; throws {@link IllegalArgumentException} for anything that is not one. */
    public static MessageId decode(String id) {
        if (id == null || (id.length() != IPV4_ID_LENGTH && id.length() != IPV6_ID_LENGTH)) {
            throw new IllegalArgumentException("not an offset message id: " + id);
        }
        var buffer = ByteBuffer.wrap(Hex.decode(id));
        var address = new byte[id.length() == IPV4_ID_LENGTH ? 4 : 16];
        buffer.get(address);
        int port = buffer.getInt();
        long offset = buffer.getLong();
        try {
            return new MessageId(new InetSocketAddress(InetAddress.getByAddress(address), port), offset);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address in message id: " + id, e); // cannot happen: length checked
        }
    }

    @Override
    public String toString() {
        return encode(storeHost, commitLogOffset);
    }
}
