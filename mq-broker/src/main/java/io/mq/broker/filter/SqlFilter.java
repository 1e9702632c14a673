package io.mq.broker.filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles RocketMQ SQL92 filter expressions (the JMS selector subset RocketMQ accepts,
 * plus its CONTAINS / STARTSWITH / ENDSWITH). Compiled filters are kept in a small LRU cache,
 * since every pull of a SQL92 subscription names the same few expressions again.
 */
public final class SqlFilter {

    static final int CACHE_CAPACITY = 256;

    private static final Map<String, PropertyFilter> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PropertyFilter> eldest) {
                    return size() > CACHE_CAPACITY;
                }
            });

    private SqlFilter() {
    }

    /**
     * The compiled filter for {@code expression}.
     *
     * @throws FilterSyntaxException if the expression is not a valid boolean SQL92 filter
     */
    public static PropertyFilter compile(String expression) {
        String source = expression == null ? "" : expression;
        PropertyFilter cached = CACHE.get(source);
        if (cached != null) {
            return cached;
        }
        PropertyFilter compiled = new CompiledPropertyFilter(source, SqlParser.parse(source));
        CACHE.put(source, compiled);
        return compiled;
    }

    static int cachedCount() {
        return CACHE.size();
    }
}
