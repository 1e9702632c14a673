package io.mq.broker.filter;

import java.util.Map;

/**
 * A SQL92 subscription: the consume queue cannot tell anything, so only the message's
 * properties decide. {@code TAGS} reads the message's tags, as in RocketMQ.
 */
public record SqlSubscriptionFilter(PropertyFilter filter) implements SubscriptionFilter {

    /** The property name under which RocketMQ stores a message's tags. */
    public static final String TAGS = "TAGS";

    @Override
    public boolean matchesConsumeQueueEntry(long tagsCode) {
        return true;
    }

    @Override
    public boolean matchesMessage(String tags, Map<String, String> properties) {
        return filter.matches(name -> {
            String value = properties == null ? null : properties.get(name);
            return value == null && TAGS.equals(name) ? tags : value;
        });
    }
}
