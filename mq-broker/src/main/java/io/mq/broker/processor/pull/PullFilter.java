package io.mq.broker.processor.pull;

import io.mq.broker.filter.SubscriptionFilter;
import io.mq.broker.filter.TagFilter;
import io.mq.broker.store.MessageFilter;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageFormatException;
import io.mq.protocol.message.MessageProperties;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A consumer's subscription as the store and the long-polling service ask it. Tag subscriptions are decided on the
 * consume queue's tag hash alone, as RocketMQ's broker does (the client re-checks the exact tag); SQL92 ones on the
 * stored message's properties.
 */
final class PullFilter implements MessageFilter {

    private final SubscriptionFilter subscription;
    private final boolean needsMessage;

    PullFilter(SubscriptionFilter subscription) {
        this.subscription = subscription;
        this.needsMessage = !(subscription instanceof TagFilter);
    }

    SubscriptionFilter subscription() {
        return subscription;
    }

    @Override
    public boolean matchesTagsCode(long tagsCode) {
        return subscription.matchesConsumeQueueEntry(tagsCode);
    }

    @Override
    public boolean matchesMessage(ByteBuffer message) {
        if (!needsMessage) {
            return true;
        }
        Map<String, String> properties;
        try {
            properties = MessageCodec.decode(message.duplicate(), false).properties();
        } catch (MessageFormatException e) {
            return false; // a record the store should never hand out; skip it rather than fail the pull
        }
        return subscription.matchesMessage(properties.get(MessageProperties.TAGS), properties);
    }

    /** Whether a message that just reached the queue may interest a held pull with this filter. */
    boolean matchesArrival(long tagsCode, Map<String, String> properties) {
        if (!subscription.matchesConsumeQueueEntry(tagsCode)) {
            return false;
        }
        if (!needsMessage || properties == null) {
            return true; // without properties the pull itself decides
        }
        return subscription.matchesMessage(properties.get(MessageProperties.TAGS), properties);
    }

    @Override
    public String toString() {
        return "PullFilter[" + subscription + "]";
    }
}
