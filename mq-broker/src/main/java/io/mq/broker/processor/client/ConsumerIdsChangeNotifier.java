package io.mq.broker.processor.client;

import io.mq.broker.client.ConsumerGroupEvent;
import io.mq.broker.client.ConsumerGroupListener;
import io.mq.broker.subscription.SubscriptionGroupDefinition;
import io.mq.broker.subscription.SubscriptionGroups;
import io.mq.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.RemoteChannel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every member of a consumer group that its membership changed (NOTIFY_CONSUMER_IDS_CHANGED, one-way),
 * so each rebalances at once instead of at its next 20-second round; unless the group turned that off
 * ({@code notifyConsumerIdsChangedEnable}). RocketMQ's DefaultConsumerIdsChangeListener + Broker2Client.
 */
public final class ConsumerIdsChangeNotifier implements ConsumerGroupListener {

    private static final Logger log = LoggerFactory.getLogger(ConsumerIdsChangeNotifier.class);

    private final SubscriptionGroups groups;

    public ConsumerIdsChangeNotifier(SubscriptionGroups groups) {
        this.groups = groups;
    }

    @Override
    public void onChange(String group, ConsumerGroupEvent event, List<RemoteChannel> channels) {
        if (event != ConsumerGroupEvent.CHANGE || !notifyEnabled(group)) {
            return;
        }
        var header = new NotifyConsumerIdsChangedRequestHeader(group);
        for (var channel : channels) {
            try {
                channel.invokeOneway(RemotingCommand.request(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, header));
            } catch (RuntimeException e) {
                log.warn("could not notify {} that group {} changed: {}", channel.remoteAddress(), group, e.toString());
            }
        }
    }

    private boolean notifyEnabled(String group) {
        return groups.get(group).map(SubscriptionGroupDefinition::notifyConsumerIdsChangedEnable).orElse(true);
    }
}
