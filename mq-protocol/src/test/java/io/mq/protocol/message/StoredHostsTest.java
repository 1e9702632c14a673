package io.mq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class StoredHostsTest {

    @Test
    void readsEveryHostRightAmongMoreHostsThanCacheSlots() throws Exception {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2_000; i++) {
                var expected = new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 1, (byte) (i >> 8),
                        (byte) i}), 10_000 + i % 7);
                var record = ByteBuffer.allocate(8).put(expected.getAddress().getAddress()).putInt(expected.getPort())
                        .flip();
                assertThat(StoredHosts.read(record, false)).isEqualTo(expected);
                assertThat(record.remaining()).isZero();
            }
        }
    }

    @Test
    void sharesTheAddressOfAHostReadAgain() {
        var record = ByteBuffer.allocate(16).putInt(0x7F000001).putInt(10911).putInt(0x7F000001).putInt(10911).flip();
        var first = StoredHosts.read(record, false);
        assertThat(StoredHosts.read(record, false)).isSameAs(first);
        assertThat(first.getPort()).isEqualTo(10911);
        assertThat(first.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void readsIpv6Hosts() throws Exception {
        var expected = new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 10911);
        var record = ByteBuffer.allocate(20).put(expected.getAddress().getAddress()).putInt(10911).flip();
        assertThat(StoredHosts.read(record, true)).isEqualTo(expected);
    }
}
