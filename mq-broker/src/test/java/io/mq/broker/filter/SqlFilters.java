package io.mq.broker.filter;

import java.util.HashMap;
import java.util.Map;

/** Test helper: evaluates an expression against properties given as key, value, key, value... */
final class SqlFilters {

    private SqlFilters() {
    }

    static boolean matches(String expression, String... keyValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return SqlFilter.compile(expression).matches(properties);
    }
}
