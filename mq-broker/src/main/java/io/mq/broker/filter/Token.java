package io.mq.broker.filter;

/**
 * One token: its type, its text as written (a string literal's text is already unescaped;
 * a number's text has no {@code L} suffix) and its 0-based offset in the expression.
 */
record Token(TokenType type, String text, int offset) {

    /** How an error message names this token. */
    String describe() {
        return switch (type) {
            case END -> "end of expression";
            case STRING -> "string literal '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
