package io.mq.broker.filter;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A tag subscription ({@code *}, or {@code TagA || TagB}): the tags and their
 * {@link String#hashCode()}s, since the consume queue stores only a tag's hash. No tags
 * means every message.
 */
public record TagFilter(Set<String> tags, Set<Integer> hashCodes) implements SubscriptionFilter {

    /** The subscription that selects every message ({@code *}). */
    public static final TagFilter ALL = new TagFilter(Set.of(), Set.of());

    /** The expression meaning "every tag". */
    public static final String SUBSCRIBE_ALL = "*";

    public TagFilter {
        tags = Set.copyOf(tags);
        hashCodes = Set.copyOf(hashCodes);
    }

    /**
     * Parses a tag expression as RocketMQ's client does: null, empty or {@code *} is all;
     * otherwise tags split on {@code ||}, each trimmed, empty ones ignored. An expression
     * with no tag left (such as {@code ||}) is treated as all.
     */
    public static TagFilter parse(String expression) {
        if (expression == null || expression.isEmpty() || expression.equals(SUBSCRIBE_ALL)) {
            return ALL;
        }
        var tags = new LinkedHashSet<String>();
        var hashCodes = new LinkedHashSet<Integer>();
        for (String part : expression.split("\\|\\|")) {
            String tag = part.trim();
            if (!tag.isEmpty()) {
                tags.add(tag);
                hashCodes.add(tag.hashCode());
            }
        }
        return tags.isEmpty() ? ALL : new TagFilter(tags, hashCodes);
    }

    public boolean matchesAll() {
        return tags.isEmpty();
    }

    /** Whether a consume-queue entry's tags code (the tag's hash) may be one of ours. */
    public boolean matchesHash(long tagsCode) {
        return matchesAll() || hashCodes.contains((int) tagsCode);
    }

    /** Whether a message with this tag (null when untagged) is selected. */
    public boolean matchesTag(String tag) {
        return matchesAll() || (tag != null && tags.contains(tag));
    }

    @Override
    public boolean matchesConsumeQueueEntry(long tagsCode) {
        return matchesHash(tagsCode);
    }

    @Override
    public boolean matchesMessage(String tags, Map<String, String> properties) {
        return matchesTag(tags);
    }
}
