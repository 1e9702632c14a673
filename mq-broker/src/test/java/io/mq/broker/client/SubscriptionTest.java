package io.mq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriptionTest {

    @Test
    void tagExpressionSplitsOnDoubleBarAndHashesEachTag() {
        var sub = Subscription.ofTags("orders", " TagA || TagB ||", 7);

        assertThat(sub.tags()).containsExactlyInAnyOrder("TagA", "TagB");
        assertThat(sub.tagHashCodes()).containsExactlyInAnyOrder("TagA".hashCode(), "TagB".hashCode());
        assertThat(sub.mayMatchTagHash("TagA".hashCode())).isTrue();
        assertThat(sub.mayMatchTagHash("TagC".hashCode())).isFalse();
        assertThat(sub.matchesAll()).isFalse();
    }

    @Test
    void starOrEmptyMatchesEverything() {
        assertThat(Subscription.ofTags("orders", "*", 1).matchesAll()).isTrue();
        assertThat(Subscription.ofTags("orders", "", 1).expression()).isEqualTo("*");
        assertThat(Subscription.ofTags("orders", null, 1).mayMatchTagHash(42)).isTrue();
    }

    @Test
    void sqlLeavesTheDecisionToTheMessage() {
        var sub = Subscription.ofSql("orders", "a > 5", 1);

        assertThat(sub.expressionType()).isEqualTo(ExpressionType.SQL92);
        assertThat(sub.mayMatchTagHash(42)).isTrue();
    }
}
