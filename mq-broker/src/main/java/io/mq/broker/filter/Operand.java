package io.mq.broker.filter;

import java.util.function.Function;

/** A value in a filter expression: a message property or a literal. */
sealed interface Operand {

    /** The value: a property's String (null when absent), or the literal's String, Long, Double, Boolean or null. */
    Object value(Function<String, String> properties);

    /** A message property, looked up by its exact (case-sensitive) name. */
    record Property(String name) implements Operand {
        @Override
        public Object value(Function<String, String> properties) {
            return properties.apply(name);
        }
    }

    /** A constant: String, Long, Double, Boolean, or null for NULL. */
    record Literal(Object constant) implements Operand {
        @Override
        public Object value(Function<String, String> properties) {
            return constant;
        }

        boolean isNumber() {
            return constant instanceof Number;
        }
    }
}
