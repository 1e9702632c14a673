package io.mq.broker.client;

import io.mq.protocol.remoting.LanguageCode;
import io.mq.protocol.transport.RemoteChannel;
import java.util.Objects;

/**
 * One client in a producer or consumer group as its heartbeat describes it (RocketMQ's ClientChannelInfo).
 * The channel is an opaque handle: the registries key members by it and never look inside.
 *
 * @param lastHeartbeatMillis when the broker last heard from this client; the caller stamps it
 */
public record GroupMember(String clientId, RemoteChannel channel, LanguageCode language, int version,
                          long lastHeartbeatMillis) {

    public GroupMember {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
    }

    boolean silentLongerThan(long nowMillis, long timeoutMillis) {
        return nowMillis - lastHeartbeatMillis > timeoutMillis;
    }
}
