package io.mq.broker.transaction;

import io.mq.protocol.transport.RemoteChannel;
import java.util.Optional;

/** Finds a connected producer of a group to ask about a transaction ({@code ProducerRegistry::anyLiveChannel}). */
@FunctionalInterface
public interface ProducerChannels {
    Optional<RemoteChannel> anyLiveChannel(String producerGroup);
}
