package io.mq.client.consumer;

import io.mq.client.MessageView;
import io.mq.protocol.body.SubscriptionData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One topic a consumer reads and what it selects from it, in the form heartbeats and pulls carry. The broker filters
 * tags by hash code only, so {@link #accepts(MessageView)} checks the tag itself before delivery.
 *
 * @param subVersion grows with each change of the subscription (the official client uses the creation time)
 */
public record TopicSubscription(String topic, MessageSelector selector, long subVersion) {

    public TopicSubscription {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(selector, "selector");
    }

    public static TopicSubscription of(String topic, MessageSelector selector) {
        return new TopicSubscription(topic, selector, System.currentTimeMillis());
    }

    /** The tags a tag expression names; empty for "*" and for SQL92. */
    public Set<String> tags() {
        if (!selector.isTag() || SubscriptionData.SUB_ALL.equals(selector.expression().trim())) {
            return Set.of();
        }
        return Arrays.stream(selector.expression().split("\\|\\|"))
                .map(String::trim)
                .filter(tag -> !tag.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public SubscriptionData toData() {
        var tags = tags();
        var codes = tags.stream().map(String::hashCode).collect(Collectors.toCollection(LinkedHashSet::new));
        String subString = selector.isTag() && tags.isEmpty() ? SubscriptionData.SUB_ALL : selector.expression();
        return new SubscriptionData(false, topic, subString, tags, codes, subVersion, selector.type());
    }

    /** Whether a pulled message is one this subscription wants (the broker's tag-hash filter may let others by). */
    public boolean accepts(MessageView message) {
        return accepts(tags(), message);
    }

    /** The messages of a pull this subscription wants, in order, unmodifiable: the same list when it wants all. */
    public List<MessageView> accepted(List<MessageView> pulled) {
        var tags = tags(); // once per pull, not per message
        if (tags.isEmpty()) {
            return pulled;
        }
        var wanted = new ArrayList<MessageView>(pulled.size());
        for (var message : pulled) {
            if (accepts(tags, message)) {
                wanted.add(message);
            }
        }
        return List.copyOf(wanted);
    }

    private static boolean accepts(Set<String> tags, MessageView message) {
        return tags.isEmpty() || (message.tags() != null && tags.contains(message.tags()));
    }
}
