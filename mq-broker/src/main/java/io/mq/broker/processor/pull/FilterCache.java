package io.mq.broker.processor.pull;

import io.mq.broker.filter.SubscriptionFilter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled subscriptions by expression type and text, so a SQL92 expression is parsed once rather than on every
 * pull. Bounded crudely: past {@link #MAX_ENTRIES} distinct expressions the cache starts over.
 */
final class FilterCache {

    static final int MAX_ENTRIES = 4096;

    private record Key(String expressionType, String expression) {
    }

    private final Map<Key, PullFilter> filters = new ConcurrentHashMap<>();

    /**
     * The filter for a subscription.
     *
     * @throws IllegalArgumentException when the expression does not compile or the type is unknown
     *                                  ({@link io.mq.broker.filter.FilterSyntaxException} for SQL92 syntax)
     */
    PullFilter get(String expressionType, String expression) {
        var key = new Key(normalizeType(expressionType), expression == null ? "" : expression);
        var cached = filters.get(key);
        if (cached != null) {
            return cached;
        }
        var compiled = new PullFilter(SubscriptionFilter.of(key.expressionType(), key.expression()));
        if (filters.size() >= MAX_ENTRIES) {
            filters.clear();
        }
        filters.put(key, compiled);
        return compiled;
    }

    private static String normalizeType(String expressionType) {
        return expressionType == null || expressionType.isEmpty() ? SubscriptionFilter.TAG : expressionType;
    }
}
