package io.mq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.remoting.LanguageCode;
import io.mq.protocol.transport.RemoteChannel;
import java.time.Duration;
import java.util.HashSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProducerRegistryTest {

    private final ProducerRegistry registry = new ProducerRegistry();
    private final TestChannel p1 = new TestChannel("10.0.0.1:5001");
    private final TestChannel p2 = new TestChannel("10.0.0.2:5002");
    private final TestChannel p3 = new TestChannel("10.0.0.3:5003");

    private static GroupMember member(String clientId, TestChannel channel, long heartbeat) {
        return new GroupMember(clientId, channel, LanguageCode.JAVA, 413, heartbeat);
    }

    @Test
    void registerTellsWhetherTheProducerIsNew() {
        assertThat(registry.register("pg", member("a", p1, 0))).isTrue();
        assertThat(registry.register("pg", member("a", p1, 30_000))).isFalse();
        assertThat(registry.members("pg")).containsExactly(member("a", p1, 30_000));
        assertThat(registry.channelOf("pg", "a")).contains(p1);
        assertThat(registry.channelOf("pg", "zz")).isEmpty();
    }

    @Test
    void rotatesAmongLiveProducers() {
        registry.register("pg", member("a", p1, 0));
        registry.register("pg", member("b", p2, 0));
        registry.register("pg", member("c", p3, 0));

        var picked = new HashSet<RemoteChannel>();
        IntStream.range(0, 3).forEach(i -> picked.add(registry.anyLiveChannel("pg").orElseThrow()));

        assertThat(picked).containsExactlyInAnyOrder(p1, p2, p3);
    }

    @Test
    void skipsDeadAndPrefersWritableProducers() {
        registry.register("pg", member("a", p1, 0));
        registry.register("pg", member("b", p2, 0));
        registry.register("pg", member("c", p3, 0));
        p1.active = false;
        p2.writable = false;

        IntStream.range(0, 6).forEach(i -> assertThat(registry.anyLiveChannel("pg")).contains(p3));

        p3.active = false;
        assertThat(registry.anyLiveChannel("pg")).contains(p2); // busy but alive beats nothing
        p2.active = false;
        assertThat(registry.anyLiveChannel("pg")).isEmpty();
        assertThat(registry.anyLiveChannel("unknown")).isEmpty();
    }

    @Test
    void unregisterAndChannelCloseRemoveProducers() {
        registry.register("pg1", member("a", p1, 0));
        registry.register("pg2", member("a", p1, 0));
        registry.register("pg2", member("b", p2, 0));

        assertThat(registry.unregister("pg2", "b")).isTrue();
        assertThat(registry.unregister("pg2", "b")).isFalse();
        assertThat(registry.onChannelClosed(p1)).containsExactly("pg1", "pg2");

        assertThat(registry.groups()).isEmpty();
    }

    @Test
    void silentProducersExpireAndTheirChannelsClose() {
        registry.register("pg", member("a", p1, 0));
        registry.register("pg", member("b", p2, 60_000));

        var expired = registry.expire(150_000, Duration.ofSeconds(120));

        assertThat(expired).extracting(GroupMember::clientId).containsExactly("a");
        assertThat(p1.closed).isTrue();
        assertThat(registry.members("pg")).extracting(GroupMember::clientId).containsExactly("b");
    }
}
