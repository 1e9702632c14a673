package io.mq.broker.filter;

import static io.mq.broker.filter.SqlFilters.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How expressions are read (keywords, quotes, comments) and how compiled filters are kept and shared. */
class SqlFilterCompileTest {

    @Nested
    class Lexicon {

        @ParameterizedTest
        @ValueSource(strings = {
            "a = 1 and b in ('x') or c is null",
            "a = 1 AND b IN ('x') OR c IS NULL",
            "a = 1 AnD b In ('x') oR c Is NuLl",
        })
        void keywordsIgnoreCase(String expression) {
            assertThat(matches(expression, "a", "1", "b", "x")).isTrue();
        }

        @Test
        void keywordsIgnoreCaseInEveryOperator() {
            assertThat(matches("a between 1 and 2", "a", "1")).isTrue();
            assertThat(matches("a not between 3 and 4", "a", "1")).isTrue();
            assertThat(matches("a is not null", "a", "1")).isTrue();
            assertThat(matches("s contains 'b' and s startsWith 'a' and s endswith 'c'", "s", "abc")).isTrue();
            assertThat(matches("not a = 2 and t = true", "a", "1", "t", "true")).isTrue();
        }

        @Test
        void propertyNamesAreCaseSensitive() {
            assertThat(matches("A = 1", "a", "1")).isFalse();
            assertThat(matches("Order_Id$2 = 'x'", "Order_Id$2", "x")).isTrue();
        }

        @Test
        void doubledQuoteEscapesAQuote() {
            assertThat(matches("s = 'it''s'", "s", "it's")).isTrue();
            assertThat(matches("s = ''''", "s", "'")).isTrue();
            assertThat(matches("s = ''", "s", "")).isTrue();
            assertThat(matches("s IN ('a''b', 'c')", "s", "a'b")).isTrue();
        }

        @Test
        void stringLiteralsKeepSpacesKeywordsAndUnicode() {
            assertThat(matches("s = ' AND OR '", "s", " AND OR ")).isTrue();
            assertThat(matches("s = 'héllo 世界'", "s", "héllo 世界")).isTrue();
        }

        @Test
        void whitespaceAndCommentsAreIgnored() {
            assertThat(matches("\n\ta\t=\r\n1  ", "a", "1")).isTrue();
            assertThat(matches("a = 1 -- trailing comment", "a", "1")).isTrue();
            assertThat(matches("a /* inline */ = 1", "a", "1")).isTrue();
            assertThat(matches("a = 1 -- line one\nAND b = 2", "a", "1", "b", "2")).isTrue();
        }
    }

    @Test
    void compiledFilterKeepsItsExpression() {
        assertThat(SqlFilter.compile("a = 1").expression()).isEqualTo("a = 1");
    }

    @Test
    void compilingTheSameExpressionTwiceReturnsTheCachedFilter() {
        PropertyFilter first = SqlFilter.compile("cached = 'yes'");
        assertThat(SqlFilter.compile("cached = 'yes'")).isSameAs(first);
    }

    @Test
    void cacheStaysBounded() {
        for (int i = 0; i < SqlFilter.CACHE_CAPACITY * 2; i++) {
            SqlFilter.compile("bounded = " + i);
        }
        assertThat(SqlFilter.cachedCount()).isLessThanOrEqualTo(SqlFilter.CACHE_CAPACITY);
    }

    @Test
    void filtersAreSharedSafelyAcrossThreads() throws Exception {
        PropertyFilter filter = SqlFilter.compile("n BETWEEN 0 AND 499 AND s IN ('x', 'y')");
        var pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<Future<Integer>>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    int matched = 0;
                    for (int n = 0; n < 1000; n++) {
                        if (filter.matches(Map.of("n", Integer.toString(n), "s", n % 2 == 0 ? "x" : "z"))) {
                            matched++;
                        }
                    }
                    return matched;
                }));
            }
            for (var future : futures) {
                assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo(250);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
