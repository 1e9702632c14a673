package io.mq.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed SQL92 filters are refused with what was expected and where (1-based column). */
class SqlFilterSyntaxTest {

    private static void assertRefused(String expression, String reason, int position) {
        assertThatThrownBy(() -> SqlFilter.compile(expression))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage(reason + " at position " + position + " in: " + expression);
    }

    @Test
    void exceptionCarriesReasonPositionAndExpression() {
        FilterSyntaxException e = catchThrowableOfType(FilterSyntaxException.class, () -> SqlFilter.compile("a IN ('x'"));

        assertThat(e.reason()).isEqualTo("expected ',' or ')' but found end of expression");
        assertThat(e.position()).isEqualTo(10);
        assertThat(e.expression()).isEqualTo("a IN ('x'");
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unbalancedParentheses() {
        assertRefused("(a = 1", "expected ')' but found end of expression", 7);
        assertRefused("((a = 1)", "expected ')' but found end of expression", 9);
        assertRefused("(a = 1 b = 2)", "expected ')' but found 'b'", 8);
        assertRefused("a = 1)", "expected AND, OR or end of expression but found ')'", 6);
        assertRefused("()", "expected a condition but found ')'", 2);
    }

    @Test
    void danglingOperators() {
        assertRefused("a = 1 AND", "expected a condition but found end of expression", 10);
        assertRefused("a = 1 OR OR b = 2", "expected a condition but found 'OR'", 10);
        assertRefused("AND a = 1", "expected a condition but found 'AND'", 1);
        assertRefused("NOT", "expected a condition but found end of expression", 4);
        assertRefused("a =", "expected a value but found end of expression", 4);
        assertRefused("a = = 1", "expected a value but found '='", 5);
        assertRefused("a == 1", "expected a value but found '='", 4);
        assertRefused("a = - b", "expected a number after '-' but found 'b'", 7);
    }

    @Test
    void unterminatedStringOrComment() {
        assertRefused("s = 'abc", "unterminated string literal", 5);
        assertRefused("s = 'it''s", "unterminated string literal", 5);
        assertRefused("a = 1 /* open", "unterminated comment", 7);
    }

    @Test
    void unknownTokens() {
        assertRefused("a # 1", "unexpected character '#'", 3);
        assertRefused("a != 1", "unexpected character '!'", 3);
        assertRefused("a.b = 1", "unexpected character '.'", 2);
        assertRefused("a = \"x\"", "unexpected character '\"'", 5);
        assertRefused("a = 1 b", "expected AND, OR or end of expression but found 'b'", 7);
    }

    @Test
    void malformedNumbers() {
        assertRefused("a = 1e", "expected digits in the exponent of '1e'", 7);
        assertRefused("a = 99999999999999999999",
                "expected an integer within the range of a long but found '99999999999999999999'", 5);
    }

    @Test
    void malformedInLists() {
        assertRefused("a IN ()", "expected a string literal but found ')'", 7);
        assertRefused("a IN ('x'", "expected ',' or ')' but found end of expression", 10);
        assertRefused("a IN ('x',)", "expected a string literal but found ')'", 11);
        assertRefused("a IN (1, 2)", "expected a string literal but found '1'", 7);
        assertRefused("a IN 'x'", "expected '(' but found string literal 'x'", 6);
        assertRefused("'x' IN ('x')", "expected a property before IN but found string literal 'x'", 1);
        assertRefused("a NOT IN", "expected '(' but found end of expression", 9);
    }

    @Test
    void malformedBetween() {
        assertRefused("a BETWEEN 1", "expected AND but found end of expression", 12);
        assertRefused("a BETWEEN 1 AND", "expected a number but found end of expression", 16);
        assertRefused("a BETWEEN 1 OR 2", "expected AND but found 'OR'", 13);
        assertRefused("a BETWEEN 3 AND 1", "expected the lower bound first in BETWEEN but found '3' AND '1'", 11);
        assertRefused("a BETWEEN 'x' AND 'y'", "expected a number or a property but found string literal 'x'", 11);
        assertRefused("a NOT BETWEEN 1 AND NULL", "expected a number or a property but found 'NULL'", 21);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a                | after 'a' but found end of expression              | 2",
        "5                | after '5' but found end of expression              | 2",
        "'abc'            | after string literal 'abc' but found end of expression | 6",
        "a AND b = 1      | after 'a' but found 'AND'                          | 3",
        "b = 1 OR (a)     | after 'a' but found ')'                            | 12",
        "NOT a            | after 'a' but found end of expression              | 6",
    })
    void aValueWhereAConditionBelongsIsRefused(String expression, String detail, int position) {
        assertRefused(expression,
                "expected =, <>, <, <=, >, >=, IN, BETWEEN, IS, CONTAINS, STARTSWITH or ENDSWITH " + detail,
                position);
    }

    @Test
    void comparedValuesMustFitTheOperator() {
        assertRefused("a > 'x'", "expected a number or a property but found string literal 'x'", 5);
        assertRefused("'x' <= a", "expected a number or a property but found string literal 'x'", 1);
        assertRefused("a > TRUE", "expected a number or a property but found 'TRUE'", 5);
        assertRefused("a = NULL", "expected a value but found NULL (use IS NULL or IS NOT NULL)", 5);
        assertRefused("NULL <> a", "expected a value but found NULL (use IS NULL or IS NOT NULL)", 1);
        assertRefused("(a = 1) = TRUE", "expected AND, OR or end of expression but found '='", 9);
    }

    @Test
    void malformedIsNullAndNot() {
        assertRefused("a IS 1", "expected NULL but found '1'", 6);
        assertRefused("a IS NOT", "expected NULL but found end of expression", 9);
        assertRefused("a NOT LIKE 'x'",
                "expected IN, BETWEEN, CONTAINS, STARTSWITH or ENDSWITH after NOT but found 'LIKE'", 7);
        assertRefused("s CONTAINS 1", "expected a string literal but found '1'", 12);
        assertRefused("s NOT ENDSWITH t", "expected a string literal but found 't'", 16);
    }

    @Test
    void keywordsCannotBePropertyNames() {
        assertRefused("in = 1", "expected a condition but found 'in'", 1);
    }

    @Test
    void emptyOrBlankExpression() {
        assertRefused("", "expected a condition but found end of expression", 1);
        assertRefused("   ", "expected a condition but found end of expression", 4);
        assertRefused("-- only a comment", "expected a condition but found end of expression", 18);
    }

    @Test
    void aRefusedExpressionIsRefusedEveryTime() {
        assertRefused("a >", "expected a value but found end of expression", 4);
        assertRefused("a >", "expected a value but found end of expression", 4);
    }
}
