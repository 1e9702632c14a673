package io.mq.broker.client;

import static io.mq.broker.client.ConsumerGroupEvent.CHANGE;
import static io.mq.broker.client.ConsumerGroupEvent.REGISTER;
import static io.mq.broker.client.ConsumerGroupEvent.UNREGISTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.remoting.LanguageCode;
import io.mq.protocol.transport.RemoteChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsumerRegistryTest {

    record Event(String group, ConsumerGroupEvent event, List<RemoteChannel> channels) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final ConsumerRegistry registry = new ConsumerRegistry();
    private final TestChannel c1 = new TestChannel("10.0.0.1:5001");
    private final TestChannel c2 = new TestChannel("10.0.0.2:5002");

    @BeforeEach
    void listen() {
        registry.addListener((group, event, channels) -> events.add(new Event(group, event, channels)));
    }

    private static GroupMember member(String clientId, TestChannel channel, long heartbeat) {
        return new GroupMember(clientId, channel, LanguageCode.JAVA, 413, heartbeat);
    }

    private RegistrationResult heartbeat(String group, GroupMember member, Subscription... subs) {
        return registry.register(group, member, ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of(subs));
    }

    private List<Event> changesOnly() {
        return events.stream().filter(e -> e.event() != REGISTER).toList();
    }

    @Test
    void firstHeartbeatAddsMemberAndSubscriptionAndAsksForRebalance() {
        var result = heartbeat("cg", member("b", c1, 0), Subscription.ofTags("orders", "*", 1));

        assertThat(result).isEqualTo(new RegistrationResult(true, true));
        assertThat(events).containsExactly(new Event("cg", CHANGE, List.of(c1)), new Event("cg", REGISTER, List.of(c1)));
        assertThat(registry.subscription("cg", "orders")).contains(Subscription.ofTags("orders", "*", 1));
        assertThat(registry.groupsConsuming("orders")).containsExactly("cg");
    }

    @Test
    void repeatedHeartbeatChangesNothing() {
        heartbeat("cg", member("b", c1, 0), Subscription.ofTags("orders", "*", 1));
        events.clear();

        var result = heartbeat("cg", member("b", c1, 30_000), Subscription.ofTags("orders", "*", 1));

        assertThat(result.changed()).isFalse();
        assertThat(changesOnly()).isEmpty();
        assertThat(registry.member("cg", "b").orElseThrow().lastHeartbeatMillis()).isEqualTo(30_000);
    }

    @Test
    void secondMemberNotifiesBothAndIdsComeSorted() {
        heartbeat("cg", member("b", c1, 0), Subscription.ofTags("orders", "*", 1));
        events.clear();

        var result = heartbeat("cg", member("a", c2, 0), Subscription.ofTags("orders", "*", 1));

        assertThat(result).isEqualTo(new RegistrationResult(true, false));
        assertThat(changesOnly()).hasSize(1);
        assertThat(changesOnly().get(0).channels()).containsExactlyInAnyOrder(c1, c2);
        assertThat(registry.clientIds("cg")).containsExactly("a", "b");
        assertThat(registry.channelOf("cg", "a")).contains(c2);
    }

    @Test
    void droppedTopicIsASubscriptionChangeAndAHigherVersionReplacesQuietly() {
        heartbeat("cg", member("b", c1, 0), Subscription.ofTags("orders", "*", 1), Subscription.ofTags("pay", "*", 1));
        events.clear();

        var newer = Subscription.ofTags("orders", "TagA || TagB", 2);
        var result = heartbeat("cg", member("b", c1, 1), newer);

        assertThat(result).isEqualTo(new RegistrationResult(false, true));
        assertThat(registry.subscription("cg", "orders")).contains(newer);
        assertThat(registry.subscription("cg", "pay")).isEmpty();
        var older = heartbeat("cg", member("b", c1, 2), Subscription.ofTags("orders", "*", 1));
        assertThat(older.changed()).isFalse();
        assertThat(registry.subscription("cg", "orders")).contains(newer);
    }

    @Test
    void unregisterNotifiesTheRemainingMembersThenTheGroupGoes() {
        heartbeat("cg", member("a", c1, 0), Subscription.ofTags("orders", "*", 1));
        heartbeat("cg", member("b", c2, 0), Subscription.ofTags("orders", "*", 1));
        events.clear();

        assertThat(registry.unregister("cg", "a")).isTrue();
        assertThat(registry.unregister("cg", "a")).isFalse();
        assertThat(registry.unregister("cg", "b")).isTrue();

        assertThat(events).containsExactly(new Event("cg", CHANGE, List.of(c2)), new Event("cg", UNREGISTER, List.of()));
        assertThat(registry.group("cg")).isEmpty();
        assertThat(registry.groupsConsuming("orders")).isEmpty();
    }

    @Test
    void closedChannelLeavesEveryGroup() {
        heartbeat("cg1", member("a", c1, 0), Subscription.ofTags("orders", "*", 1));
        heartbeat("cg2", member("a", c1, 0), Subscription.ofTags("pay", "*", 1));
        heartbeat("cg2", member("b", c2, 0), Subscription.ofTags("pay", "*", 1));
        events.clear();

        var left = registry.onChannelClosed(c1);

        assertThat(left).containsExactly("cg1", "cg2");
        assertThat(events).containsExactlyInAnyOrder(new Event("cg1", UNREGISTER, List.of()),
                new Event("cg2", CHANGE, List.of(c2)));
        assertThat(registry.clientIds("cg2")).containsExactly("b");
        assertThat(registry.onChannelClosed(c1)).isEmpty();
    }

    @Test
    void silentMembersExpireAndTheirChannelsClose() {
        heartbeat("cg", member("a", c1, 0), Subscription.ofTags("orders", "*", 1));
        heartbeat("cg", member("b", c2, 100_000), Subscription.ofTags("orders", "*", 1));
        events.clear();

        assertThat(registry.expire(120_000, Duration.ofSeconds(120))).isEmpty();
        var expired = registry.expire(120_001, Duration.ofSeconds(120));

        assertThat(expired).extracting(GroupMember::clientId).containsExactly("a");
        assertThat(c1.closed).isTrue();
        assertThat(c2.closed).isFalse();
        assertThat(events).containsExactly(new Event("cg", CHANGE, List.of(c2)));
    }

    @Test
    void groupsWithNotificationOffGetNoChangeEvents() {
        var quiet = new ConsumerRegistry(group -> !group.equals("quiet"));
        quiet.addListener((group, event, channels) -> events.add(new Event(group, event, channels)));

        quiet.register("quiet", member("a", c1, 0), ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of(Subscription.ofTags("orders", "*", 1)));

        assertThat(events).extracting(Event::event).containsExactly(REGISTER);
    }

    @Test
    void snapshotCarriesTheConsumeSettingsOfTheLastHeartbeat() {
        heartbeat("cg", member("a", c1, 0), Subscription.ofTags("orders", "*", 1));
        registry.register("cg", member("a", c1, 5), ConsumeType.CONSUME_ACTIVELY, MessageModel.BROADCASTING,
                ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, List.of(Subscription.ofTags("orders", "*", 1)));

        var info = registry.group("cg").orElseThrow();
        assertThat(info.consumeType()).isEqualTo(ConsumeType.CONSUME_ACTIVELY);
        assertThat(info.messageModel()).isEqualTo(MessageModel.BROADCASTING);
        assertThat(info.consumeFromWhere()).isEqualTo(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        assertThat(info.members()).containsExactly(member("a", c1, 5));
    }

    @Test
    void failingListenerDoesNotBreakRegistration() {
        registry.addListener((group, event, channels) -> {
            throw new IllegalStateException("boom");
        });

        assertThat(heartbeat("cg", member("a", c1, 0)).membersChanged()).isTrue();
        assertThat(registry.clientIds("cg")).containsExactly("a");
    }
}
