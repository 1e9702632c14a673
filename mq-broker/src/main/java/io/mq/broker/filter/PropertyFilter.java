package io.mq.broker.filter;

import java.util.Map;
import java.util.function.Function;

/**
 * A compiled SQL92 filter over message properties (see {@link SqlFilter#compile}):
 * immutable and safe to share between threads.
 */
public sealed interface PropertyFilter permits CompiledPropertyFilter {

    /** The expression this filter was compiled from. */
    String expression();

    /** Whether the expression is TRUE for these properties (FALSE and UNKNOWN do not match). */
    default boolean matches(Map<String, String> properties) {
        return properties == null ? matches(name -> null) : matches(properties::get);
    }

    /** As {@link #matches(Map)}, reading each property through {@code properties} (null = absent). */
    boolean matches(Function<String, String> properties);
}
