package io.mq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class MessageIdTest {

    @Test
    void encodesAnIpv4OffsetIdAsRocketMqDoes() throws Exception {
        var host = new InetSocketAddress(InetAddress.getByName("192.168.1.10"), 10911);

        var id = MessageId.encode(host, 0x1234L);

        // C0A8010A = 192.168.1.10, 00002A9F = 10911, then the offset as 8 bytes
        assertThat(id).isEqualTo("C0A8010A00002A9F0000000000001234");
        assertThat(MessageId.decode(id)).isEqualTo(new MessageId(host, 0x1234L));
    }

    @Test
    void roundTripsAnIpv6OffsetId() throws Exception {
        var host = new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 10911);

        var id = MessageId.encode(host, Long.MAX_VALUE);

        assertThat(id).hasSize(56);
        assertThat(MessageId.decode(id)).isEqualTo(new MessageId(host, Long.MAX_VALUE));
        assertThat(MessageId.decode(id.toLowerCase())).isEqualTo(new MessageId(host, Long.MAX_VALUE));
    }

    @Test
    void rejectsWhatIsNotAnOffsetId() {
        assertThatThrownBy(() -> MessageId.decode("ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageId.decode("Z".repeat(32))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uniqueIdsFollowTheOfficialLayoutAndDoNotRepeat() {
        var clock = Clock.fixed(Instant.parse("2024-03-01T00:00:01.5Z"), ZoneOffset.UTC);
        var generator = new UniqueIdGenerator(new byte[] {10, 0, 0, 1}, 0x1234, 0xCAFEBABE, clock);

        var first = generator.next();
        var second = generator.next();

        // ip, pid, salt, 1500 ms since the month started, counter
        assertThat(first).isEqualTo("0A000001" + "1234" + "CAFEBABE" + "000005DC" + "0000");
        assertThat(second).endsWith("0001");
        var ids = new HashSet<String>();
        var live = UniqueIdGenerator.forThisProcess();
        for (int i = 0; i < 1000; i++) {
            ids.add(live.next());
        }
        assertThat(ids).hasSize(1000).allSatisfy(id -> assertThat(id).hasSize(32));
    }
}
