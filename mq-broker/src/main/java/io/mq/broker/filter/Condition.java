package io.mq.broker.filter;

import java.util.Set;
import java.util.function.Function;

/** A node of a compiled SQL92 filter: immutable, so one tree serves all threads. */
sealed interface Condition {

    Truth evaluate(Function<String, String> properties);

    /** TRUE or FALSE written as a whole condition. */
    record Constant(boolean value) implements Condition {
        @Override
        public Truth evaluate(Function<String, String> properties) {
            return Truth.of(value);
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public Truth evaluate(Function<String, String> properties) {
            Truth l = left.evaluate(properties);
            if (l == Truth.FALSE) {
                return Truth.FALSE;
            }
            Truth r = right.evaluate(properties);
            if (r == Truth.FALSE) {
                return Truth.FALSE;
            }
            return l == Truth.TRUE && r == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public Truth evaluate(Function<String, String> properties) {
            Truth l = left.evaluate(properties);
            if (l == Truth.TRUE) {
                return Truth.TRUE;
            }
            Truth r = right.evaluate(properties);
            if (r == Truth.TRUE) {
                return Truth.TRUE;
            }
            return l == Truth.FALSE && r == Truth.FALSE ? Truth.FALSE : Truth.UNKNOWN;
        }
    }

    record Not(Condition operand) implements Condition {
        @Override
        public Truth evaluate(Function<String, String> properties) {
            return operand.evaluate(properties).not();
        }
    }

    /** {@code left op right}; see {@link ValueComparison} for how strings meet numbers. */
    record Comparison(Operand left, ComparisonOperator operator, Operand right) implements Condition {
        @Override
        public Truth evaluate(Function<String, String> properties) {
            return ValueComparison.compare(left.value(properties), operator, right.value(properties));
        }
    }

    /** {@code property [NOT] IN ('a', 'b')}: string membership; a missing property is UNKNOWN. */
    record In(Operand.Property property, Set<String> values, boolean negated) implements Condition {
        public In {
            values = Set.copyOf(values);
        }

        @Override
        public Truth evaluate(Function<String, String> properties) {
            String value = properties.apply(property.name());
            return value == null ? Truth.UNKNOWN : Truth.of(values.contains(value) != negated);
        }
    }

    /** {@code value IS [NOT] NULL}: never UNKNOWN. */
    record IsNull(Operand operand, boolean negated) implements Condition {
        @Override
        public Truth evaluate(Function<String, String> properties) {
            return Truth.of((operand.value(properties) == null) != negated);
        }
    }

    /**
     * {@code value [NOT] CONTAINS|STARTSWITH|ENDSWITH 'text'} (RocketMQ 5): two-valued like
     * RocketMQ's, FALSE whenever the value is not a string or the text is empty, even negated.
     */
    record TextMatch(Operand operand, Kind kind, String text, boolean negated) implements Condition {

        enum Kind { CONTAINS, STARTSWITH, ENDSWITH }

        @Override
        public Truth evaluate(Function<String, String> properties) {
            if (!(operand.value(properties) instanceof String value) || text.isEmpty()) {
                return Truth.FALSE;
            }
            boolean found = switch (kind) {
                case CONTAINS -> value.contains(text);
                case STARTSWITH -> value.startsWith(text);
                case ENDSWITH -> value.endsWith(text);
            };
            return Truth.of(found != negated);
        }
    }
}
