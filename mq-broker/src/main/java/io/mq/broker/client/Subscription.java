package io.mq.broker.client;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a consumer group reads from one topic (RocketMQ's SubscriptionData): the filter expression and, for
 * tag filters, the tags and their hash codes (the consume queue stores a tag's {@code String.hashCode()}).
 *
 * @param subVersion the client's version of this subscription; a higher one replaces a lower one
 */
public record Subscription(String topic, ExpressionType expressionType, String expression, Set<String> tags,
                           Set<Integer> tagHashCodes, long subVersion) {

    /** The tag expression that matches every message. */
    public static final String ALL = "*";

    public Subscription {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(expressionType, "expressionType");
        expression = expression == null || expression.isBlank() ? ALL : expression;
        tags = Set.copyOf(tags);
        tagHashCodes = Set.copyOf(tagHashCodes);
    }

    /** Parses a tag expression as RocketMQ's FilterAPI does: "*" or empty for all, else tags split on "||". */
    public static Subscription ofTags(String topic, String expression, long subVersion) {
        var tags = new LinkedHashSet<String>();
        var codes = new LinkedHashSet<Integer>();
        if (expression != null && !expression.isBlank() && !expression.trim().equals(ALL)) {
            for (var part : expression.split("\\|\\|")) {
                var tag = part.trim();
                if (!tag.isEmpty()) {
                    tags.add(tag);
                    codes.add(tag.hashCode());
                }
            }
        }
        var normalized = tags.isEmpty() ? ALL : expression.trim();
        return new Subscription(topic, ExpressionType.TAG, normalized, tags, codes, subVersion);
    }

    public static Subscription ofSql(String topic, String sql, long subVersion) {
        return new Subscription(topic, ExpressionType.SQL92, sql, Set.of(), Set.of(), subVersion);
    }

    /** True when the filter lets every message through (a "*" tag subscription). */
    public boolean matchesAll() {
        return expressionType == ExpressionType.TAG && (ALL.equals(expression) || tagHashCodes.isEmpty());
    }

    /**
     * The consume-queue level check: could a message with this tag hash match? Always true for SQL92,
     * which the broker evaluates on the message itself.
     */
    public boolean mayMatchTagHash(long tagHash) {
        return expressionType != ExpressionType.TAG || matchesAll() || tagHashCodes.contains((int) tagHash);
    }
}
