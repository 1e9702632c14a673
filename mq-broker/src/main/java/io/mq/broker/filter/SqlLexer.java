package io.mq.broker.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL92 filter expression into tokens, with RocketMQ's lexical rules: ASCII
 * identifiers ({@code [A-Za-z_$][A-Za-z0-9_$]*}), keywords in any case, strings in single
 * quotes with {@code ''} for a quote, integers with an optional {@code L}, decimals with an
 * optional exponent, and {@code --} / {@code /* *}{@code /} comments.
 */
final class SqlLexer {

    private final String source;
    private int pos;

    private SqlLexer(String source) {
        this.source = source;
    }

    /** All tokens of {@code source}, ending with one {@link TokenType#END}. */
    static List<Token> tokenize(String source) {
        return new SqlLexer(source).run();
    }

    private List<Token> run() {
        var tokens = new ArrayList<Token>();
        while (true) {
            skipBlanksAndComments();
            if (pos >= source.length()) {
                tokens.add(new Token(TokenType.END, "", source.length()));
                return tokens;
            }
            tokens.add(nextToken());
        }
    }

    private Token nextToken() {
        int start = pos;
        char c = source.charAt(pos);
        if (isIdentifierStart(c)) {
            return word(start);
        }
        if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
            return number(start);
        }
        if (c == '\'') {
            return string(start);
        }
        pos++;
        return switch (c) {
            case '=' -> new Token(TokenType.EQ, "=", start);
            case '<' -> comparison(start, '<');
            case '>' -> comparison(start, '>');
            case '(' -> new Token(TokenType.LPAREN, "(", start);
            case ')' -> new Token(TokenType.RPAREN, ")", start);
            case ',' -> new Token(TokenType.COMMA, ",", start);
            case '-' -> new Token(TokenType.MINUS, "-", start);
            case '+' -> new Token(TokenType.PLUS, "+", start);
            default -> throw error("unexpected character '" + c + "'", start);
        };
    }

    private Token comparison(int start, char first) {
        char next = peek(0);
        if (first == '<' && next == '>') {
            pos++;
            return new Token(TokenType.NE, "<>", start);
        }
        if (next == '=') {
            pos++;
            return new Token(first == '<' ? TokenType.LE : TokenType.GE, first + "=", start);
        }
        return new Token(first == '<' ? TokenType.LT : TokenType.GT, String.valueOf(first), start);
    }

    private Token word(int start) {
        while (pos < source.length() && isIdentifierPart(source.charAt(pos))) {
            pos++;
        }
        String text = source.substring(start, pos);
        TokenType keyword = TokenType.keyword(text.toUpperCase(Locale.ROOT));
        return new Token(keyword == null ? TokenType.IDENTIFIER : keyword, text, start);
    }

    private Token number(int start) {
        boolean decimal = false;
        skipDigits();
        if (peek(0) == '.') {
            decimal = true;
            pos++;
            skipDigits();
        }
        char e = peek(0);
        if (e == 'e' || e == 'E') {
            decimal = true;
            pos++;
            if (peek(0) == '+' || peek(0) == '-') {
                pos++;
            }
            if (!isDigit(peek(0))) {
                throw error("expected digits in the exponent of '" + source.substring(start, pos) + "'", pos);
            }
            skipDigits();
        }
        String text = source.substring(start, pos);
        if (!decimal && (peek(0) == 'l' || peek(0) == 'L')) {
            pos++; // RocketMQ accepts Java's long suffix
        }
        return new Token(decimal ? TokenType.DECIMAL : TokenType.INTEGER, text, start);
    }

    private Token string(int start) {
        var value = new StringBuilder();
        pos++;
        while (pos < source.length()) {
            char c = source.charAt(pos++);
            if (c != '\'') {
                value.append(c);
            } else if (peek(0) == '\'') {
                value.append('\'');
                pos++;
            } else {
                return new Token(TokenType.STRING, value.toString(), start);
            }
        }
        throw error("unterminated string literal", start);
    }

    private void skipBlanksAndComments() {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                while (pos < source.length() && source.charAt(pos) != '\n' && source.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && peek(1) == '*') {
                int end = source.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error("unterminated comment", pos);
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private void skipDigits() {
        while (isDigit(peek(0))) {
            pos++;
        }
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < source.length() ? source.charAt(at) : '\0';
    }

    private FilterSyntaxException error(String reason, int offset) {
        return new FilterSyntaxException(reason, source, offset + 1);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
