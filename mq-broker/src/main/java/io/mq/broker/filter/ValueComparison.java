package io.mq.broker.filter;

/**
 * Compares two operand values the way RocketMQ's SQL92 filter does. Property values are
 * strings: against an integer literal a property must parse as a long, against a decimal
 * literal as a double, two properties are ordered as doubles; a value that does not parse
 * makes the comparison UNKNOWN (RocketMQ raises an error there, which also rejects the message).
 * Against TRUE/FALSE a string is read with {@link Boolean#parseBoolean}.
 */
final class ValueComparison {

    private ValueComparison() {
    }

    static Truth compare(Object left, ComparisonOperator operator, Object right) {
        if (left == null || right == null) {
            return Truth.UNKNOWN;
        }
        if (!operator.isOrdering() && (left instanceof Boolean || right instanceof Boolean)) {
            Boolean l = asBoolean(left);
            Boolean r = asBoolean(right);
            // A boolean never equals a number.
            boolean equal = l != null && l.equals(r);
            return Truth.of(operator == ComparisonOperator.EQUAL ? equal : !equal);
        }
        if (!operator.isOrdering() && left instanceof String l && right instanceof String r) {
            return Truth.of(operator.accepts(l.equals(r) ? 0 : 1));
        }
        Number l = asNumber(left, right);
        Number r = asNumber(right, left);
        if (l == null || r == null) {
            return Truth.UNKNOWN;
        }
        return Truth.of(operator.accepts(compareNumbers(l, r)));
    }

    private static Boolean asBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value instanceof String s ? Boolean.parseBoolean(s) : null;
    }

    /** {@code value} as a number, parsing a string to the kind of number it is compared with. */
    private static Number asNumber(Object value, Object other) {
        if (value instanceof Number n) {
            return n;
        }
        if (!(value instanceof String s)) {
            return null;
        }
        try {
            // if/else, not ?: which would promote the Long to a double and lose precision
            if (other instanceof Long) {
                return Long.valueOf(s);
            }
            return Double.valueOf(s);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static int compareNumbers(Number l, Number r) {
        if (l instanceof Long a && r instanceof Long b) {
            return Long.compare(a, b);
        }
        return Double.compare(l.doubleValue(), r.doubleValue());
    }
}
