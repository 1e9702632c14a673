package io.mq.broker.client;

import io.mq.protocol.transport.RemoteChannel;
import java.util.List;

/**
 * Told after a consumer group changed; on CHANGE the broker sends NOTIFY_CONSUMER_IDS_CHANGED to each of
 * {@code channels} (the group's members now). Called outside the registry's lock.
 */
@FunctionalInterface
public interface ConsumerGroupListener {
    void onChange(String group, ConsumerGroupEvent event, List<RemoteChannel> channels);
}
