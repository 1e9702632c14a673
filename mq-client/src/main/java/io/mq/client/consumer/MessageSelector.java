package io.mq.client.consumer;

import io.mq.protocol.body.SubscriptionData;
import java.util.Objects;

/**
 * What a subscription selects from a topic: a tag expression ({@code "*"}, {@code "a || b"}) or an SQL92 condition
 * over the message's properties (the broker evaluates it; it must allow property filters).
 *
 * @param type       {@link SubscriptionData#TAG} or {@link SubscriptionData#SQL92}
 * @param expression the tag expression or the SQL condition
 */
public record MessageSelector(String type, String expression) {

    public MessageSelector {
        Objects.requireNonNull(type, "type");
        if (!type.equals(SubscriptionData.TAG) && !type.equals(SubscriptionData.SQL92)) {
            throw new IllegalArgumentException("selector type must be TAG or SQL92, got " + type);
        }
        if (type.equals(SubscriptionData.SQL92) && (expression == null || expression.isBlank())) {
            throw new IllegalArgumentException("an SQL92 selector needs a condition");
        }
        if (expression == null || expression.isBlank()) {
            expression = SubscriptionData.SUB_ALL;
        }
    }

    /** Every message of the topic. */
    public static MessageSelector all() {
        return new MessageSelector(SubscriptionData.TAG, SubscriptionData.SUB_ALL);
    }

    /** Messages whose tag is one of {@code "a || b"}; {@code "*"} or blank selects all. */
    public static MessageSelector tag(String expression) {
        return new MessageSelector(SubscriptionData.TAG, expression);
    }

    /** Messages whose properties satisfy an SQL92 condition, e.g. {@code "a > 5 AND region = 'eu'"}. */
    public static MessageSelector sql(String condition) {
        return new MessageSelector(SubscriptionData.SQL92, condition);
    }

    public boolean isTag() {
        return type.equals(SubscriptionData.TAG);
    }
}
