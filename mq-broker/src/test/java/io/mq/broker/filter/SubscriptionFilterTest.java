package io.mq.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionFilterTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "TAG")
    void nullEmptyOrTagTypeMeansATagSubscription(String type) {
        SubscriptionFilter filter = SubscriptionFilter.of(type, "TagA || TagB");

        assertThat(filter).isInstanceOf(TagFilter.class);
        assertThat(filter.matchesConsumeQueueEntry("TagA".hashCode())).isTrue();
        assertThat(filter.matchesConsumeQueueEntry("TagC".hashCode())).isFalse();
        assertThat(filter.matchesMessage("TagB", Map.of())).isTrue();
        assertThat(filter.matchesMessage("TagC", Map.of())).isFalse();
    }

    @Test
    void tagSubscriptionToEverythingMatchesUntaggedMessages() {
        SubscriptionFilter filter = SubscriptionFilter.of(null, "*");

        assertThat(filter.matchesConsumeQueueEntry(0)).isTrue();
        assertThat(filter.matchesMessage(null, null)).isTrue();
    }

    @Test
    void sqlSubscriptionPassesEveryConsumeQueueEntryAndDecidesOnProperties() {
        SubscriptionFilter filter = SubscriptionFilter.of("SQL92", "a > 5");

        assertThat(filter).isInstanceOf(SqlSubscriptionFilter.class);
        assertThat(filter.matchesConsumeQueueEntry(42L)).isTrue();
        assertThat(filter.matchesMessage(null, Map.of("a", "6"))).isTrue();
        assertThat(filter.matchesMessage(null, Map.of("a", "5"))).isFalse();
        assertThat(filter.matchesMessage(null, null)).isFalse();
    }

    @Test
    void sqlTagsPropertyReadsTheMessageTags() {
        SubscriptionFilter filter = SubscriptionFilter.of("SQL92", "TAGS IN ('TagA', 'TagB') AND a = 1");

        assertThat(filter.matchesMessage("TagA", Map.of("a", "1"))).isTrue();
        assertThat(filter.matchesMessage("TagC", Map.of("a", "1"))).isFalse();
        assertThat(filter.matchesMessage(null, Map.of("a", "1"))).isFalse();
        assertThat(filter.matchesMessage(null, Map.of("a", "1", "TAGS", "TagB")))
                .as("the stored TAGS property counts too").isTrue();
    }

    @Test
    void sqlTagsIsNullSelectsUntaggedMessages() {
        SubscriptionFilter filter = SubscriptionFilter.of("SQL92", "TAGS IS NULL");

        assertThat(filter.matchesMessage(null, Map.of())).isTrue();
        assertThat(filter.matchesMessage("TagA", Map.of())).isFalse();
    }

    @Test
    void malformedSqlSubscriptionFailsWithASyntaxError() {
        assertThatThrownBy(() -> SubscriptionFilter.of("SQL92", "a >"))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("expected a value but found end of expression at position 4 in: a >");
    }

    @Test
    void emptySqlSubscriptionIsASyntaxError() {
        assertThatThrownBy(() -> SubscriptionFilter.of("SQL92", null))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("expected a condition but found end of expression at position 1 in: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql92", "CLASS", "XPATH"})
    void unknownExpressionTypeIsRefusedByName(String type) {
        assertThatThrownBy(() -> SubscriptionFilter.of(type, "a = 1"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported expression type '" + type + "', expected TAG or SQL92");
    }
}
