package io.mq.broker.filter;

import java.util.function.Function;

/** A parsed expression ready to evaluate: the root of its condition tree. */
record CompiledPropertyFilter(String expression, Condition condition) implements PropertyFilter {

    @Override
    public boolean matches(Function<String, String> properties) {
        return condition.evaluate(properties) == Truth.TRUE;
    }
}
