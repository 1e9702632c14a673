package io.mq.broker.client;

import io.mq.protocol.transport.RemoteChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer groups connected to this broker, as their heartbeats describe them (RocketMQ's
 * ConsumerManager). Each group is an immutable {@link ConsumerGroupInfo} replaced on every change, so the
 * pull path reads subscriptions without locks; changes are serialized and reported to the listeners after
 * the lock is released.
 */
public final class ConsumerRegistry {

    /** RocketMQ drops a client it has not heard from for 120 s. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(120);
    private static final Logger log = LoggerFactory.getLogger(ConsumerRegistry.class);

    private final Map<String, ConsumerGroupInfo> groups = new ConcurrentHashMap<>();
    private final List<ConsumerGroupListener> listeners = new CopyOnWriteArrayList<>();
    private final Predicate<String> notifyOnChange;
    private final Object mutex = new Object();

    /** Every group is told of membership changes. */
    public ConsumerRegistry() {
        this(group -> true);
    }

    /**
     * @param notifyOnChange whether a group's CHANGE events are raised; the broker passes the group's
     *                       {@code notifyConsumerIdsChangedEnable} setting
     */
    public ConsumerRegistry(Predicate<String> notifyOnChange) {
        this.notifyOnChange = notifyOnChange;
    }

    public void addListener(ConsumerGroupListener listener) {
        listeners.add(listener);
    }

    /**
     * Records a consumer heartbeat: adds the member or refreshes its heartbeat time, takes the group's
     * consume settings from it, and replaces the group's subscriptions with {@code subscriptions} (a topic
     * missing from the heartbeat is dropped; a known topic is replaced only by a higher subVersion).
     * Raises CHANGE when members or subscribed topics changed, then REGISTER.
     */
    public RegistrationResult register(String group, GroupMember member, ConsumeType consumeType,
                                       MessageModel messageModel, ConsumeFromWhere fromWhere,
                                       Collection<Subscription> subscriptions) {
        RegistrationResult result;
        ConsumerGroupInfo now;
        synchronized (mutex) {
            var before = groups.get(group);
            var members = new ArrayList<GroupMember>(before == null ? List.of() : before.members());
            boolean membersChanged = putMember(members, member);
            var oldSubs = before == null ? Map.<String, Subscription>of() : before.subscriptions();
            var newSubs = new LinkedHashMap<String, Subscription>();
            boolean subsChanged = false;
            for (var sub : subscriptions) {
                var old = oldSubs.get(sub.topic());
                if (old == null) {
                    subsChanged = true;
                    newSubs.put(sub.topic(), sub);
                } else {
                    newSubs.put(sub.topic(), sub.subVersion() > old.subVersion() ? sub : old);
                }
            }
            subsChanged |= !newSubs.keySet().containsAll(oldSubs.keySet());
            now = new ConsumerGroupInfo(group, consumeType, messageModel, fromWhere, members, newSubs,
                    member.lastHeartbeatMillis());
            groups.put(group, now);
            result = new RegistrationResult(membersChanged, subsChanged);
        }
        if (result.membersChanged()) {
            log.info("consumer {} joined group {} ({})", member.clientId(), group, member.channel().remoteAddress());
        }
        if (result.changed()) {
            fireChange(group, now.channels());
        }
        fire(group, ConsumerGroupEvent.REGISTER, now.channels());
        return result;
    }

    /** Removes the client from the group (UNREGISTER_CLIENT); false when it was not a member. */
    public boolean unregister(String group, String clientId) {
        return !removeMembers(m -> m.clientId().equals(clientId), Set.of(group)).isEmpty();
    }

    /** Removes the channel's members from every group (the connection ended); the groups it left. */
    public Set<String> onChannelClosed(RemoteChannel channel) {
        var removed = removeMembers(m -> m.channel().equals(channel), groups.keySet());
        var left = new TreeSet<String>();
        removed.forEach(r -> left.add(r.group()));
        return left;
    }

    /**
     * Drops members silent for longer than {@code timeout} and closes their channels, as RocketMQ's scan
     * does; raises CHANGE/UNREGISTER like a close. Returns the dropped members.
     */
    public List<GroupMember> expire(long nowMillis, Duration timeout) {
        long limit = timeout.toMillis();
        var removed = removeMembers(m -> m.silentLongerThan(nowMillis, limit), groups.keySet());
        var expired = removed.stream().map(Removed::member).toList();
        for (var member : expired) {
            log.warn("consumer {} silent for more than {} ms; dropped and closed", member.clientId(), limit);
            member.channel().close();
        }
        return expired;
    }

    public Optional<ConsumerGroupInfo> group(String group) {
        return Optional.ofNullable(groups.get(group));
    }

    public Set<String> groups() {
        return new TreeSet<>(groups.keySet());
    }

    /** The group's client ids, sorted; empty for an unknown group. */
    public List<String> clientIds(String group) {
        var info = groups.get(group);
        return info == null ? List.of() : info.clientIds();
    }

    public List<RemoteChannel> channels(String group) {
        var info = groups.get(group);
        return info == null ? List.of() : info.channels();
    }

    public Optional<GroupMember> member(String group, String clientId) {
        return group(group).flatMap(info -> info.member(clientId));
    }

    public Optional<RemoteChannel> channelOf(String group, String clientId) {
        return member(group, clientId).map(GroupMember::channel);
    }

    public Optional<Subscription> subscription(String group, String topic) {
        var info = groups.get(group);
        return info == null ? Optional.empty() : info.subscription(topic);
    }

    /** Groups with a live member subscribed to the topic. */
    public Set<String> groupsConsuming(String topic) {
        var result = new TreeSet<String>();
        groups.forEach((name, info) -> {
            if (info.subscriptions().containsKey(topic)) {
                result.add(name);
            }
        });
        return result;
    }

    /** Puts the member in place of the one on the same channel; true when the member set changed. */
    private static boolean putMember(List<GroupMember> members, GroupMember member) {
        for (int i = 0; i < members.size(); i++) {
            var existing = members.get(i);
            if (existing.channel().equals(member.channel())) {
                members.set(i, member);
                if (!existing.clientId().equals(member.clientId())) {
                    log.warn("channel {} changed client id from {} to {}", member.channel().remoteAddress(),
                            existing.clientId(), member.clientId());
                    return true;
                }
                return false;
            }
        }
        members.add(member);
        return true;
    }

    private record Removed(String group, GroupMember member) {
    }

    /** Removes matching members from the given groups and raises the events; what it removed. */
    private List<Removed> removeMembers(Predicate<GroupMember> doomed, Collection<String> groupNames) {
        var removed = new ArrayList<Removed>();
        var events = new ArrayList<Runnable>();
        synchronized (mutex) {
            for (var name : List.copyOf(groupNames)) {
                var info = groups.get(name);
                if (info == null) {
                    continue;
                }
                var kept = new ArrayList<GroupMember>();
                for (var m : info.members()) {
                    if (doomed.test(m)) {
                        removed.add(new Removed(name, m));
                    } else {
                        kept.add(m);
                    }
                }
                if (kept.size() == info.members().size()) {
                    continue;
                }
                if (kept.isEmpty()) {
                    groups.remove(name);
                    events.add(() -> fire(name, ConsumerGroupEvent.UNREGISTER, List.of()));
                } else {
                    var now = new ConsumerGroupInfo(name, info.consumeType(), info.messageModel(),
                            info.consumeFromWhere(), kept, info.subscriptions(), info.lastUpdateMillis());
                    groups.put(name, now);
                    events.add(() -> fireChange(name, now.channels()));
                }
            }
        }
        removed.forEach(r -> log.info("consumer {} left group {}", r.member().clientId(), r.group()));
        events.forEach(Runnable::run);
        return removed;
    }

    private void fireChange(String group, List<RemoteChannel> channels) {
        if (notifyOnChange.test(group)) {
            fire(group, ConsumerGroupEvent.CHANGE, channels);
        }
    }

    private void fire(String group, ConsumerGroupEvent event, List<RemoteChannel> channels) {
        for (var listener : listeners) {
            try {
                listener.onChange(group, event, channels);
            } catch (RuntimeException ex) {
                log.warn("consumer group listener failed on {} {}", event, group, ex);
            }
        }
    }
}
