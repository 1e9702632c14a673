package io.mq.broker.namesrv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.body.DataVersion;
import io.mq.protocol.body.PermName;
import io.mq.protocol.body.QueueData;
import io.mq.protocol.body.TopicConfig;
import io.mq.protocol.body.TopicConfigSerializeWrapper;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.transport.RemoteChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RouteRegistryTest {

    private final MutableClock clock = new MutableClock();
    private final RouteRegistry registry = new RouteRegistry(Duration.ofSeconds(120), clock);

    @Test
    void masterRegistrationMakesItsTopicsRoutable() {
        registry.register(master("broker-a", "10.0.0.1:10911", 1, TopicConfig.of("orders", 8, 4)), null);

        var route = registry.route("orders").orElseThrow();

        assertThat(route.queueDatas()).containsExactly(new QueueData("broker-a", 8, 4, PermName.READ_WRITE, 0));
        assertThat(route.brokerDatas()).singleElement().satisfies(b -> {
            assertThat(b.cluster()).isEqualTo("c1");
            assertThat(b.brokerAddrs()).isEqualTo(Map.of(0L, "10.0.0.1:10911"));
        });
        assertThat(registry.allTopics().topicList()).containsExactly("orders");
        assertThat(registry.clusterInfo().clusterAddrTable()).isEqualTo(Map.of("c1", Set.of("broker-a")));
    }

    @Test
    void unknownTopicHasNoRoute() {
        assertThat(registry.route("nope")).isEmpty();
    }

    @Test
    void slaveLearnsItsMastersAddresses() {
        registry.register(master("broker-a", "10.0.0.1:10911", 1), null);

        var result = registry.register(new BrokerRegistration("c1", "broker-a", 1, "10.0.0.2:10911", "10.0.0.2:10912",
                null, List.of(), null), null);

        assertThat(result.masterAddr()).isEqualTo("10.0.0.1:10911");
        assertThat(result.haServerAddr()).isEqualTo("10.0.0.1:10912");
        assertThat(registry.clusterInfo().brokerAddrTable().get("broker-a").brokerAddrs()).hasSize(2);
    }

    @Test
    void topicsAreReReadOnlyWhenTheDataVersionChanges() {
        registry.register(master("broker-a", "10.0.0.1:10911", 1, TopicConfig.of("a", 4, 4)), null);
        registry.register(master("broker-a", "10.0.0.1:10911", 1, TopicConfig.of("a", 4, 4), TopicConfig.of("b", 4, 4)), null);
        assertThat(registry.route("b")).isEmpty();

        registry.register(master("broker-a", "10.0.0.1:10911", 2, TopicConfig.of("a", 4, 4), TopicConfig.of("b", 4, 4)), null);

        assertThat(registry.route("b")).isPresent();
        assertThat(registry.isTopicConfigChanged("10.0.0.1:10911", new DataVersion(0, 1, 2))).isFalse();
        assertThat(registry.isTopicConfigChanged("10.0.0.1:10911", new DataVersion(0, 1, 3))).isTrue();
    }

    @Test
    void brokerNotHeardFromWithinExpiryIsRemovedWithItsQueues() {
        registry.register(master("broker-a", "10.0.0.1:10911", 1, TopicConfig.of("orders", 4, 4)), null);
        clock.advance(Duration.ofSeconds(100));
        assertThat(registry.removeExpiredBrokers()).isEmpty();

        clock.advance(Duration.ofSeconds(21));

        assertThat(registry.removeExpiredBrokers()).containsExactly("10.0.0.1:10911");
        assertThat(registry.route("orders")).isEmpty();
        assertThat(registry.clusterInfo().brokerAddrTable()).isEmpty();
        assertThat(registry.clusterInfo().clusterAddrTable()).isEmpty();
    }

    @Test
    void brokerAskingForAShorterHeartbeatTimeoutExpiresSooner() {
        registry.register(new BrokerRegistration("c1", "broker-a", 0, "10.0.0.1:10911", "10.0.0.1:10912",
                null, List.of(), Duration.ofSeconds(10)), null);

        clock.advance(Duration.ofSeconds(11));

        assertThat(registry.removeExpiredBrokers()).containsExactly("10.0.0.1:10911");
    }

    @Test
    void touchKeepsABrokerAlive() {
        registry.register(master("broker-a", "10.0.0.1:10911", 1), null);
        clock.advance(Duration.ofSeconds(100));
        registry.touch("10.0.0.1:10911");
        clock.advance(Duration.ofSeconds(100));

        assertThat(registry.removeExpiredBrokers()).isEmpty();
    }

    @Test
    void closedChannelDropsOnlyTheBrokerThatUsedIt() {
        var channelA = new StubChannel();
        registry.register(master("broker-a", "10.0.0.1:10911", 1, TopicConfig.of("t", 4, 4)), channelA);
        registry.register(master("broker-b", "10.0.0.2:10911", 1, TopicConfig.of("t", 4, 4)), new StubChannel());

        registry.onChannelClosed(channelA);

        assertThat(registry.liveBrokerAddrs()).containsExactly("10.0.0.2:10911");
        assertThat(registry.route("t").orElseThrow().queueDatas()).extracting(QueueData::brokerName).containsExactly("broker-b");
    }

    @Test
    void unregisterRemovesTheGroupWhenItsLastBrokerLeaves() {
        registry.register(master("broker-a", "10.0.0.1:10911", 1, TopicConfig.of("t", 4, 4)), null);

        registry.unregister("c1", "10.0.0.1:10911", "broker-a", 0);

        assertThat(registry.route("t")).isEmpty();
        assertThat(registry.liveBrokerAddrs()).isEmpty();
    }

    @Test
    void wipeAndAddWritePermissionChangeEveryQueueOfTheBroker() {
        registry.register(master("broker-a", "10.0.0.1:10911", 1, TopicConfig.of("a", 4, 4), TopicConfig.of("b", 4, 4)), null);

        assertThat(registry.wipeWritePerm("broker-a")).isEqualTo(2);
        assertThat(registry.route("a").orElseThrow().queueDatas().get(0).perm()).isEqualTo(PermName.PERM_READ);
        assertThat(registry.addWritePerm("broker-a")).isEqualTo(2);
        assertThat(registry.route("b").orElseThrow().queueDatas().get(0).perm()).isEqualTo(PermName.READ_WRITE);
        assertThat(registry.wipeWritePerm("unknown")).isZero();
    }

    @Test
    void topicsByClusterAndDeleteTopic() {
        registry.register(master("broker-a", "10.0.0.1:10911", 1, TopicConfig.of("a", 4, 4)), null);
        registry.register(new BrokerRegistration("c2", "broker-b", 0, "10.0.0.2:10911", "10.0.0.2:10912",
                TopicConfigSerializeWrapper.of(List.of(TopicConfig.of("b", 4, 4), TopicConfig.of("a", 4, 4)),
                        new DataVersion(0, 1, 1)), List.of(), null), null);

        assertThat(registry.topicsByCluster("c1").topicList()).containsExactly("a");
        assertThat(registry.topicsByCluster("c2").topicList()).containsExactlyInAnyOrder("a", "b");
        assertThat(registry.topicsByCluster("none").topicList()).isEmpty();

        registry.deleteTopic("a", "c2");
        assertThat(registry.route("a").orElseThrow().queueDatas()).extracting(QueueData::brokerName).containsExactly("broker-a");
        registry.deleteTopic("a");
        assertThat(registry.route("a")).isEmpty();
    }

    @Test
    void systemTopicsAreClusterAndBrokerNames() {
        registry.register(master("broker-a", "10.0.0.1:10911", 1), null);

        var topics = registry.systemTopics();

        assertThat(topics.topicList()).containsExactlyInAnyOrder("c1", "broker-a");
        assertThat(topics.brokerAddr()).isEqualTo("10.0.0.1:10911");
    }

    private static BrokerRegistration master(String name, String addr, long version, TopicConfig... topics) {
        var host = addr.substring(0, addr.indexOf(':'));
        return new BrokerRegistration("c1", name, 0, addr, host + ":10912",
                TopicConfigSerializeWrapper.of(List.of(topics), new DataVersion(0, 1, version)), List.of(), null);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class StubChannel implements RemoteChannel {
        @Override public String remoteAddress() { return "10.0.0.9:5555"; }
        @Override public String localAddress() { return "10.0.0.10:9876"; }
        @Override public boolean isActive() { return true; }
        @Override public boolean isWritable() { return true; }
        @Override public void reply(RemotingCommand request, RemotingCommand response) { }
        @Override public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMillis) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }
        @Override public void invokeOneway(RemotingCommand request) { }
        @Override public void close() { }
    }
}
