package io.mq.broker.filter;

import io.mq.broker.filter.Condition.TextMatch;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for RocketMQ's SQL92 filter language. Precedence, loosest first:
 * OR, AND, NOT, then one predicate ({@code =, <>, <, <=, >, >=, [NOT] IN, [NOT] BETWEEN,
 * IS [NOT] NULL, [NOT] CONTAINS/STARTSWITH/ENDSWITH}). NOT applies to a whole predicate as in
 * standard SQL ({@code NOT a = 1} is {@code NOT (a = 1)}).
 */
final class SqlParser {

    private static final String OPERATORS = "=, <>, <, <=, >, >=, IN, BETWEEN, IS, CONTAINS, STARTSWITH or ENDSWITH";

    private final String source;
    private final List<Token> tokens;
    private int index;

    private SqlParser(String source) {
        this.source = source;
        this.tokens = SqlLexer.tokenize(source);
    }

    /** The condition tree of {@code source}; throws {@link FilterSyntaxException}. */
    static Condition parse(String source) {
        var parser = new SqlParser(source);
        Condition condition = parser.orExpression();
        parser.expect(TokenType.END, "AND, OR or end of expression");
        return condition;
    }

    private Condition orExpression() {
        Condition left = andExpression();
        while (accept(TokenType.OR)) {
            left = new Condition.Or(left, andExpression());
        }
        return left;
    }

    private Condition andExpression() {
        Condition left = notExpression();
        while (accept(TokenType.AND)) {
            left = new Condition.And(left, notExpression());
        }
        return left;
    }

    private Condition notExpression() {
        if (accept(TokenType.NOT)) {
            return new Condition.Not(notExpression());
        }
        return predicate();
    }

    private Condition predicate() {
        if (accept(TokenType.LPAREN)) {
            Condition inner = orExpression();
            expect(TokenType.RPAREN, "')'");
            return inner;
        }
        Token start = peek();
        Operand left = operand("a condition");
        Token operator = peek();
        switch (operator.type()) {
            case EQ, NE, LT, LE, GT, GE:
                index++;
                return comparison(start, left, operator);
            case IS:
                index++;
                boolean negated = accept(TokenType.NOT);
                expect(TokenType.NULL, "NULL");
                return new Condition.IsNull(left, negated);
            case NOT:
                index++;
                return negatable(start, left, next(), true);
            case IN, BETWEEN, CONTAINS, STARTSWITH, ENDSWITH:
                index++;
                return negatable(start, left, operator, false);
            default:
                if (left instanceof Operand.Literal literal && literal.constant() instanceof Boolean value) {
                    return new Condition.Constant(value); // TRUE or FALSE stands alone as a condition
                }
                throw error("expected " + OPERATORS + " after " + start.describe()
                        + " but found " + operator.describe(), operator);
        }
    }

    private Condition negatable(Token start, Operand left, Token operator, boolean negated) {
        return switch (operator.type()) {
            case IN -> in(start, left, negated);
            case BETWEEN -> between(left, negated);
            case CONTAINS -> textMatch(left, TextMatch.Kind.CONTAINS, negated);
            case STARTSWITH -> textMatch(left, TextMatch.Kind.STARTSWITH, negated);
            case ENDSWITH -> textMatch(left, TextMatch.Kind.ENDSWITH, negated);
            default -> throw error("expected IN, BETWEEN, CONTAINS, STARTSWITH or ENDSWITH after NOT but found "
                    + operator.describe(), operator);
        };
    }

    private Condition comparison(Token start, Operand left, Token operatorToken) {
        ComparisonOperator operator = switch (operatorToken.type()) {
            case EQ -> ComparisonOperator.EQUAL;
            case NE -> ComparisonOperator.NOT_EQUAL;
            case LT -> ComparisonOperator.LESS;
            case LE -> ComparisonOperator.LESS_OR_EQUAL;
            case GT -> ComparisonOperator.GREATER;
            default -> ComparisonOperator.GREATER_OR_EQUAL;
        };
        Token rightStart = peek();
        Operand right = operand("a value");
        checkComparable(start, left, operator);
        checkComparable(rightStart, right, operator);
        return new Condition.Comparison(left, operator, right);
    }

    private Condition in(Token start, Operand left, boolean negated) {
        if (!(left instanceof Operand.Property property)) {
            throw error("expected a property before IN but found " + start.describe(), start);
        }
        expect(TokenType.LPAREN, "'('");
        Set<String> values = new LinkedHashSet<>();
        do {
            values.add(expect(TokenType.STRING, "a string literal").text());
        } while (accept(TokenType.COMMA));
        expect(TokenType.RPAREN, "',' or ')'");
        return new Condition.In(property, values, negated);
    }

    /** BETWEEN is sugar: {@code v >= low AND v <= high}, negated {@code v < low OR v > high}. */
    private Condition between(Operand value, boolean negated) {
        Token lowStart = peek();
        Operand low = operand("a number");
        checkOrderable(lowStart, low);
        expect(TokenType.AND, "AND");
        Token highStart = peek();
        Operand high = operand("a number");
        checkOrderable(highStart, high);
        if (low instanceof Operand.Literal l && high instanceof Operand.Literal h
                && ValueComparison.compare(l.constant(), ComparisonOperator.GREATER, h.constant()) == Truth.TRUE) {
            throw error("expected the lower bound first in BETWEEN but found " + lowStart.describe()
                    + " AND " + highStart.describe(), lowStart);
        }
        if (negated) {
            return new Condition.Or(new Condition.Comparison(value, ComparisonOperator.LESS, low),
                    new Condition.Comparison(value, ComparisonOperator.GREATER, high));
        }
        return new Condition.And(new Condition.Comparison(value, ComparisonOperator.GREATER_OR_EQUAL, low),
                new Condition.Comparison(value, ComparisonOperator.LESS_OR_EQUAL, high));
    }

    private Condition textMatch(Operand value, TextMatch.Kind kind, boolean negated) {
        String text = expect(TokenType.STRING, "a string literal").text();
        return new TextMatch(value, kind, text, negated);
    }

    private Operand operand(String expected) {
        Token token = next();
        return switch (token.type()) {
            case IDENTIFIER -> new Operand.Property(token.text());
            case STRING -> new Operand.Literal(token.text());
            case INTEGER, DECIMAL -> new Operand.Literal(number("", token));
            case MINUS, PLUS -> {
                Token digits = next();
                if (digits.type() != TokenType.INTEGER && digits.type() != TokenType.DECIMAL) {
                    throw error("expected a number after '" + token.text() + "' but found " + digits.describe(), digits);
                }
                yield new Operand.Literal(number(token.type() == TokenType.MINUS ? "-" : "", digits));
            }
            case TRUE -> new Operand.Literal(Boolean.TRUE);
            case FALSE -> new Operand.Literal(Boolean.FALSE);
            case NULL -> new Operand.Literal(null);
            default -> throw error("expected " + expected + " but found " + token.describe(), token);
        };
    }

    private Number number(String sign, Token token) {
        String text = sign + token.text();
        if (token.type() == TokenType.DECIMAL) {
            return Double.valueOf(text);
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException tooLarge) {
            throw error("expected an integer within the range of a long but found " + token.describe(), token);
        }
    }

    /** RocketMQ refuses NULL in {@code =}/{@code <>}, and anything but numbers and properties in ordering. */
    private void checkComparable(Token at, Operand operand, ComparisonOperator operator) {
        if (operator.isOrdering()) {
            checkOrderable(at, operand);
        } else if (operand instanceof Operand.Literal literal && literal.constant() == null) {
            throw error("expected a value but found NULL (use IS NULL or IS NOT NULL)", at);
        }
    }

    private void checkOrderable(Token at, Operand operand) {
        if (operand instanceof Operand.Literal literal && !literal.isNumber()) {
            throw error("expected a number or a property but found " + at.describe(), at);
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.type() != TokenType.END) {
            index++;
        }
        return token;
    }

    private boolean accept(TokenType type) {
        if (peek().type() == type) {
            index++;
            return true;
        }
        return false;
    }

    private Token expect(TokenType type, String expected) {
        Token token = peek();
        if (token.type() != type) {
            throw error("expected " + expected + " but found " + token.describe(), token);
        }
        return next();
    }

    private FilterSyntaxException error(String reason, Token at) {
        return new FilterSyntaxException(reason, source, at.offset() + 1);
    }
}
