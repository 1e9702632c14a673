package io.mq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.protocol.remoting.LanguageCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientHousekeepingTest {

    private final ConsumerRegistry consumers = new ConsumerRegistry();
    private final ProducerRegistry producers = new ProducerRegistry();
    private final TestChannel channel = new TestChannel("10.0.0.1:5001");

    private void registerBoth(long heartbeat) {
        var member = new GroupMember("a", channel, LanguageCode.JAVA, 413, heartbeat);
        consumers.register("cg", member, ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of(Subscription.ofTags("orders", "*", 1)));
        producers.register("pg", member);
    }

    @Test
    void disconnectRemovesTheClientFromBothRegistries() {
        registerBoth(0);
        var housekeeping = new ClientHousekeeping(consumers, producers);

        housekeeping.onDisconnect(channel);

        assertThat(consumers.groups()).isEmpty();
        assertThat(producers.groups()).isEmpty();
    }

    @Test
    void periodicScanDropsSilentClients() {
        var clock = new AtomicLong(0);
        registerBoth(0);
        try (var housekeeping = new ClientHousekeeping(consumers, producers, Duration.ofSeconds(120),
                Duration.ofMillis(20), clock::get)) {
            housekeeping.start();
            clock.set(121_000);

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> consumers.groups().isEmpty() && producers.groups().isEmpty());
            assertThat(channel.closed).isTrue();
        }
    }
}
