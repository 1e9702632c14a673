package io.mq.broker.filter;

import static io.mq.broker.filter.SqlFilters.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which messages a compiled SQL92 filter selects, operator by operator. */
class SqlFilterEvaluationTest {

    @Nested
    class Comparisons {

        @ParameterizedTest(name = "{0} with a=5 -> {1}")
        @CsvSource(delimiter = '|', value = {
            "a = 5    | true", "a = 6    | false",
            "a <> 5   | false", "a <> 6  | true",
            "a > 4    | true", "a > 5    | false",
            "a >= 5   | true", "a >= 6   | false",
            "a < 6    | true", "a < 5    | false",
            "a <= 5   | true", "a <= 4   | false",
            "a=5      | true", "a>=5     | true",
            "5 = a    | true", "6 > a    | true",
        })
        void integerLiteralsCompareWithThePropertyParsedAsALong(String expression, boolean expected) {
            assertThat(matches(expression, "a", "5")).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} with f=1.5 -> {1}")
        @CsvSource(delimiter = '|', value = {
            "f = 1.5     | true", "f > 1.4   | true", "f < 1.4   | false",
            "f >= 1.5    | true", "f <= 1.5E0 | true", "f > .5    | true",
            "f = 15e-1   | true", "f <> 1.5  | false",
        })
        void decimalLiteralsCompareWithThePropertyParsedAsADouble(String expression, boolean expected) {
            assertThat(matches(expression, "f", "1.5")).isEqualTo(expected);
        }

        @Test
        void integerPropertyComparesWithDecimalLiteral() {
            assertThat(matches("a > 4.5", "a", "5")).isTrue();
            assertThat(matches("a = 5.0", "a", "5")).isTrue();
        }

        @Test
        void decimalPropertyAgainstIntegerLiteralDoesNotMatchAsInRocketMq() {
            // RocketMQ parses the property with Long.valueOf against an integer literal.
            assertThat(matches("f > 1", "f", "1.5")).isFalse();
            assertThat(matches("NOT (f > 1)", "f", "1.5")).isFalse();
        }

        @Test
        void negativeAndSignedNumbers() {
            assertThat(matches("a > -5", "a", "-4")).isTrue();
            assertThat(matches("a = -5", "a", "-5")).isTrue();
            assertThat(matches("a = +5", "a", "+5")).isTrue();
            assertThat(matches("a < -1.5", "a", "-2")).isTrue();
        }

        @Test
        void longSuffixIsAccepted() {
            assertThat(matches("a >= 5L", "a", "5")).isTrue();
        }

        @Test
        void extremeLongsCompareExactly() {
            assertThat(matches("a = 9223372036854775807", "a", "9223372036854775807")).isTrue();
            assertThat(matches("a = -9223372036854775808", "a", "-9223372036854775808")).isTrue();
            assertThat(matches("a > 9223372036854775806", "a", "9223372036854775807")).isTrue();
        }

        @Test
        void stringEqualityIsExactAndCaseSensitive() {
            assertThat(matches("s = 'abc'", "s", "abc")).isTrue();
            assertThat(matches("s = 'ABC'", "s", "abc")).isFalse();
            assertThat(matches("s <> 'abc'", "s", "abd")).isTrue();
            assertThat(matches("'abc' = s", "s", "abc")).isTrue();
        }

        @Test
        void aNumericStringLiteralComparesAsAString() {
            assertThat(matches("a = '5'", "a", "5")).isTrue();
            assertThat(matches("a = '5'", "a", "05")).isFalse();
            assertThat(matches("a = 5", "a", "05")).as("as a number 05 is 5").isTrue();
        }

        @Test
        void propertyThatIsNotANumberNeverMatchesANumericComparison() {
            assertThat(matches("s = 1", "s", "abc")).isFalse();
            assertThat(matches("s <> 1", "s", "abc")).isFalse();
            assertThat(matches("s > 1", "s", "abc")).isFalse();
            assertThat(matches("NOT (s = 1)", "s", "abc")).as("unknown stays unknown under NOT").isFalse();
        }

        @Test
        void twoPropertiesCompare() {
            assertThat(matches("a = b", "a", "x", "b", "x")).isTrue();
            assertThat(matches("a = b", "a", "x", "b", "y")).isFalse();
            assertThat(matches("a > b", "a", "10", "b", "9")).as("ordered as numbers").isTrue();
            assertThat(matches("a > b", "a", "x", "b", "y")).isFalse();
        }

        @Test
        void booleanLiteralsCompareWithTheParsedProperty() {
            assertThat(matches("t = TRUE", "t", "true")).isTrue();
            assertThat(matches("t = true", "t", "TRUE")).isTrue();
            assertThat(matches("t = FALSE", "t", "false")).isTrue();
            assertThat(matches("t = FALSE", "t", "yes")).as("anything but 'true' is false").isTrue();
            assertThat(matches("t <> TRUE", "t", "false")).isTrue();
            assertThat(matches("TRUE = TRUE")).isTrue();
            assertThat(matches("TRUE = 1")).isFalse();
        }

        @Test
        void constantsCompareWithoutProperties() {
            assertThat(matches("1 = 1")).isTrue();
            assertThat(matches("1 = 1.0")).isTrue();
            assertThat(matches("2 > 1")).isTrue();
            assertThat(matches("'a' = 'b'")).isFalse();
        }
    }

    @Nested
    class MissingProperties {

        @ParameterizedTest
        @ValueSource(strings = {"m = 1", "m <> 1", "m > 1", "m < 1", "m = 'x'", "m <> 'x'",
            "m IN ('x')", "m NOT IN ('x')", "m BETWEEN 1 AND 2", "m NOT BETWEEN 1 AND 2",
            "NOT m = 1", "NOT (m <> 1)", "m = a", "m = n", "m IS NOT NULL"})
        void comparisonsWithAMissingPropertyNeverMatch(String expression) {
            assertThat(matches(expression, "a", "1")).isFalse();
        }

        @Test
        void unknownOrTrueIsTrueAndUnknownAndFalseIsFalse() {
            assertThat(matches("m = 1 OR a = 1", "a", "1")).isTrue();
            assertThat(matches("a = 1 OR m = 1", "a", "1")).isTrue();
            assertThat(matches("m = 1 AND a = 1", "a", "1")).isFalse();
            assertThat(matches("NOT (m = 1 AND a = 2)", "a", "1")).as("unknown AND false is false").isTrue();
            assertThat(matches("NOT (m = 1 OR a = 2)", "a", "1")).as("unknown OR false is unknown").isFalse();
        }

        @Test
        void isNullTellsMissingFromPresent() {
            assertThat(matches("m IS NULL", "a", "1")).isTrue();
            assertThat(matches("a IS NULL", "a", "1")).isFalse();
            assertThat(matches("a IS NOT NULL", "a", "1")).isTrue();
            assertThat(matches("a IS NOT NULL", "a", "")).as("empty is present").isTrue();
            assertThat(matches("NOT m IS NULL", "a", "1")).isFalse();
        }

        @Test
        void nullPropertyMapMatchesOnlyWhatNeedsNoProperty() {
            assertThat(SqlFilter.compile("a IS NULL").matches((Map<String, String>) null)).isTrue();
            assertThat(SqlFilter.compile("a = 1").matches((Map<String, String>) null)).isFalse();
        }
    }

    @Nested
    class Logic {

        @Test
        void andOrNot() {
            assertThat(matches("a = 1 AND b = 2", "a", "1", "b", "2")).isTrue();
            assertThat(matches("a = 1 AND b = 3", "a", "1", "b", "2")).isFalse();
            assertThat(matches("a = 9 OR b = 2", "a", "1", "b", "2")).isTrue();
            assertThat(matches("a = 9 OR b = 9", "a", "1", "b", "2")).isFalse();
            assertThat(matches("NOT a = 9", "a", "1")).isTrue();
            assertThat(matches("NOT NOT a = 1", "a", "1")).isTrue();
        }

        @Test
        void andBindsTighterThanOr() {
            // a=1 OR (b=1 AND c=1), not (a=1 OR b=1) AND c=1
            assertThat(matches("a = 1 OR b = 1 AND c = 1", "a", "1", "b", "0", "c", "0")).isTrue();
            assertThat(matches("b = 1 AND c = 1 OR a = 1", "a", "1", "b", "0", "c", "0")).isTrue();
        }

        @Test
        void notBindsTighterThanAndButLooserThanAComparison() {
            // (NOT a=1) AND b=1, and NOT applies to the whole comparison a = 1
            assertThat(matches("NOT a = 1 AND b = 1", "a", "2", "b", "1")).isTrue();
            assertThat(matches("NOT a = 1 AND b = 1", "a", "1", "b", "1")).isFalse();
            assertThat(matches("NOT a = 1 OR b = 1", "a", "1", "b", "1")).isTrue();
        }

        @Test
        void parenthesesOverridePrecedence() {
            assertThat(matches("(a = 1 OR b = 1) AND c = 1", "a", "1", "b", "0", "c", "0")).isFalse();
            assertThat(matches("NOT (a = 1 AND b = 1)", "a", "1", "b", "0")).isTrue();
        }

        @Test
        void nestedParentheses() {
            String expression = "((a = 1 OR (b = 2 AND (c = 3 OR d = 4))) AND NOT (e = 5))";
            assertThat(matches(expression, "b", "2", "d", "4", "e", "6")).isTrue();
            assertThat(matches(expression, "b", "2", "d", "4", "e", "5")).isFalse();
            assertThat(matches(expression, "b", "2", "d", "3", "c", "0", "e", "6")).isFalse();
            assertThat(matches("(((a = 1)))", "a", "1")).isTrue();
        }

        @Test
        void booleanLiteralsStandAsConditions() {
            assertThat(matches("TRUE")).isTrue();
            assertThat(matches("FALSE")).isFalse();
            assertThat(matches("TRUE AND a = 1", "a", "1")).isTrue();
            assertThat(matches("FALSE OR a = 1", "a", "1")).isTrue();
            assertThat(matches("NOT FALSE")).isTrue();
        }
    }

    @Nested
    class RangesAndSets {

        @ParameterizedTest(name = "a={0} -> {1}")
        @CsvSource({"0, false", "1, true", "2, true", "3, true", "4, false"})
        void betweenIncludesBothBounds(String value, boolean expected) {
            assertThat(matches("a BETWEEN 1 AND 3", "a", value)).isEqualTo(expected);
            assertThat(matches("a NOT BETWEEN 1 AND 3", "a", value)).isEqualTo(!expected);
        }

        @Test
        void betweenWithDecimalsAndEqualBounds() {
            assertThat(matches("f BETWEEN 1.0 AND 2.0", "f", "1.5")).isTrue();
            assertThat(matches("a BETWEEN 2 AND 2", "a", "2")).isTrue();
            assertThat(matches("a BETWEEN -3 AND -1", "a", "-2")).isTrue();
        }

        @Test
        void betweenBindsItsAndBeforeTheLogicalAnd() {
            assertThat(matches("a BETWEEN 1 AND 3 AND b = 1", "a", "2", "b", "1")).isTrue();
            assertThat(matches("a BETWEEN 1 AND 3 AND b = 1", "a", "2", "b", "0")).isFalse();
            assertThat(matches("a between 1 and 3 or a = 5", "a", "5")).isTrue();
        }

        @Test
        void betweenBoundsMayBeProperties() {
            assertThat(matches("a BETWEEN lo AND hi", "a", "5", "lo", "1", "hi", "9")).isTrue();
        }

        @Test
        void inMatchesAnyListedString() {
            assertThat(matches("s IN ('a', 'b', 'c')", "s", "b")).isTrue();
            assertThat(matches("s IN ('a', 'b', 'c')", "s", "d")).isFalse();
            assertThat(matches("s IN ('a')", "s", "a")).isTrue();
            assertThat(matches("s NOT IN ('a', 'b')", "s", "c")).isTrue();
            assertThat(matches("s NOT IN ('a', 'b')", "s", "a")).isFalse();
        }

        @Test
        void inComparesStringsNotNumbers() {
            assertThat(matches("a IN ('5', '6')", "a", "5")).isTrue();
            assertThat(matches("a IN ('5', '6')", "a", "5.0")).isFalse();
        }

        @Test
        void inWithManyValues() {
            assertThat(matches("s IN ('a','b','c','d','e','f','g','h')", "s", "h")).isTrue();
            assertThat(matches("s IN ('a','b','c','d','e','f','g','h')", "s", "z")).isFalse();
        }
    }

    @Nested
    class TextMatching {

        @Test
        void containsStartsWithEndsWith() {
            assertThat(matches("s CONTAINS 'bc'", "s", "abcd")).isTrue();
            assertThat(matches("s CONTAINS 'x'", "s", "abcd")).isFalse();
            assertThat(matches("s STARTSWITH 'ab'", "s", "abcd")).isTrue();
            assertThat(matches("s STARTSWITH 'bc'", "s", "abcd")).isFalse();
            assertThat(matches("s ENDSWITH 'cd'", "s", "abcd")).isTrue();
            assertThat(matches("s ENDSWITH 'bc'", "s", "abcd")).isFalse();
        }

        @Test
        void negatedForms() {
            assertThat(matches("s NOT CONTAINS 'x'", "s", "abcd")).isTrue();
            assertThat(matches("s NOT CONTAINS 'b'", "s", "abcd")).isFalse();
            assertThat(matches("s NOT STARTSWITH 'b'", "s", "abcd")).isTrue();
            assertThat(matches("s NOT ENDSWITH 'd'", "s", "abcd")).isFalse();
        }

        @Test
        void missingPropertyOrEmptyTextIsFalseEvenNegatedAsInRocketMq() {
            assertThat(matches("m CONTAINS 'x'")).isFalse();
            assertThat(matches("m NOT CONTAINS 'x'")).isFalse();
            assertThat(matches("NOT (m CONTAINS 'x')")).isTrue();
            assertThat(matches("s CONTAINS ''", "s", "abc")).isFalse();
            assertThat(matches("s NOT STARTSWITH ''", "s", "abc")).isFalse();
        }
    }
}
