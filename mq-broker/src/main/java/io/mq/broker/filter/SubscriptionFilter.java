package io.mq.broker.filter;

import java.util.Map;

/**
 * What a consumer's subscription selects, as the pull path asks it: first cheaply per
 * consume-queue entry (by tag hash), then exactly per message (tag, or SQL92 over properties).
 */
public sealed interface SubscriptionFilter permits TagFilter, SqlSubscriptionFilter {

    /** The expression type of tag subscriptions; also what a null or empty type means. */
    String TAG = "TAG";
    /** The expression type of SQL92 property filters. */
    String SQL92 = "SQL92";

    /**
     * The filter for a subscription as sent by a client ({@code expressionType} null, "" or
     * {@code TAG}, or {@code SQL92}).
     *
     * @throws FilterSyntaxException if a SQL92 expression does not compile
     * @throws IllegalArgumentException for any other expression type
     */
    static SubscriptionFilter of(String expressionType, String expression) {
        if (expressionType == null || expressionType.isEmpty() || TAG.equals(expressionType)) {
            return TagFilter.parse(expression);
        }
        if (SQL92.equals(expressionType)) {
            return new SqlSubscriptionFilter(SqlFilter.compile(expression));
        }
        throw new IllegalArgumentException(
                "unsupported expression type '" + expressionType + "', expected TAG or SQL92");
    }

    /** The cheap pre-check on a consume-queue entry's tags code; true means "read the message". */
    boolean matchesConsumeQueueEntry(long tagsCode);

    /** The exact check on a message: its tags (may be null) and its properties (may be null). */
    boolean matchesMessage(String tags, Map<String, String> properties);
}
