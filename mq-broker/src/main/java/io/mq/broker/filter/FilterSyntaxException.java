package io.mq.broker.filter;

/**
 * A filter expression that cannot be compiled: says what was expected and where
 * ({@code position} is the 1-based column in the expression, as RocketMQ reports it).
 */
public final class FilterSyntaxException extends IllegalArgumentException {

    private final String reason;
    private final String expression;
    private final int position;

    public FilterSyntaxException(String reason, String expression, int position) {
        super(reason + " at position " + position + " in: " + expression);
        this.reason = reason;
        this.expression = expression;
        this.position = position;
    }

    /** What went wrong, without the position and the expression. */
    public String reason() {
        return reason;
    }

    public String expression() {
        return expression;
    }

    /** The 1-based column where the problem was found. */
    public int position() {
        return position;
    }
}
