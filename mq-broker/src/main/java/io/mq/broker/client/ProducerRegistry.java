package io.mq.broker.client;

import io.mq.protocol.transport.RemoteChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer groups connected to this broker (RocketMQ's ProducerManager). The transaction check-back
 * asks {@link #anyLiveChannel} for a producer of the half message's group, rotating among live ones.
 */
public final class ProducerRegistry {

    private static final Logger log = LoggerFactory.getLogger(ProducerRegistry.class);

    /** group -> channel -> member; the inner maps are concurrent so lookups need no lock. */
    private final Map<String, Map<RemoteChannel, GroupMember>> groups = new ConcurrentHashMap<>();
    private final AtomicInteger rotation = new AtomicInteger();
    private final Object mutex = new Object();

    /** Records a producer heartbeat; true when the producer is new to the group. */
    public boolean register(String group, GroupMember member) {
        GroupMember before;
        synchronized (mutex) {
            before = groups.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).put(member.channel(), member);
        }
        if (before == null) {
            log.info("producer {} joined group {} ({})", member.clientId(), group, member.channel().remoteAddress());
        }
        return before == null;
    }

    /** Removes the client from the group (UNREGISTER_CLIENT); false when it was not a member. */
    public boolean unregister(String group, String clientId) {
        synchronized (mutex) {
            var members = groups.get(group);
            if (members == null) {
                return false;
            }
            boolean removed = members.values().removeIf(m -> m.clientId().equals(clientId));
            if (members.isEmpty()) {
                groups.remove(group);
            }
            return removed;
        }
    }

    /** Removes the channel from every group (the connection ended); the groups it left. */
    public Set<String> onChannelClosed(RemoteChannel channel) {
        var left = new TreeSet<String>();
        synchronized (mutex) {
            groups.forEach((group, members) -> {
                if (members.remove(channel) != null) {
                    left.add(group);
                }
            });
            groups.values().removeIf(Map::isEmpty);
        }
        return left;
    }

    /** Drops producers silent for longer than {@code timeout} and closes their channels; the dropped ones. */
    public List<GroupMember> expire(long nowMillis, Duration timeout) {
        long limit = timeout.toMillis();
        var expired = new ArrayList<GroupMember>();
        synchronized (mutex) {
            for (var members : groups.values()) {
                for (var m : List.copyOf(members.values())) {
                    if (m.silentLongerThan(nowMillis, limit)) {
                        members.remove(m.channel());
                        expired.add(m);
                    }
                }
            }
            groups.values().removeIf(Map::isEmpty);
        }
        for (var member : expired) {
            log.warn("producer {} silent for more than {} ms; dropped and closed", member.clientId(), limit);
            member.channel().close();
        }
        return expired;
    }

    /**
     * A channel to some producer of the group, rotating on each call: the next active and writable one,
     * else an active one (busy but alive), else empty.
     */
    public Optional<RemoteChannel> anyLiveChannel(String group) {
        var channels = members(group).stream().map(GroupMember::channel).toList();
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        int start = Math.floorMod(rotation.getAndIncrement(), channels.size());
        RemoteChannel activeButBusy = null;
        for (int i = 0; i < channels.size(); i++) {
            var channel = channels.get((start + i) % channels.size());
            if (channel.isActive()) {
                if (channel.isWritable()) {
                    return Optional.of(channel);
                }
                if (activeButBusy == null) {
                    activeButBusy = channel;
                }
            }
        }
        return Optional.ofNullable(activeButBusy);
    }

    public Optional<RemoteChannel> channelOf(String group, String clientId) {
        return members(group).stream().filter(m -> m.clientId().equals(clientId)).map(GroupMember::channel)
                .findFirst();
    }

    /** The group's producers, ordered by client id (a stable order for the rotation). */
    public List<GroupMember> members(String group) {
        var members = groups.get(group);
        if (members == null) {
            return List.of();
        }
        return members.values().stream().sorted(Comparator.comparing(GroupMember::clientId)).toList();
    }

    public Set<String> groups() {
        return new TreeSet<>(groups.keySet());
    }
}
