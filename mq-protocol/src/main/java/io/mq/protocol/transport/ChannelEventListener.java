package io.mq.protocol.transport;

/** Told when a connection opens or ends, so registries can drop what belonged to it. */
public interface ChannelEventListener {
    default void onConnect(RemoteChannel channel) {
    }

    /** Close, exception or idle timeout: the channel is gone either way. */
    void onDisconnect(RemoteChannel channel);
}
