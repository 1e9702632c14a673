package io.mq.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TagFilterTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"*", "||", " || "})
    void selectsEveryMessageWhenNoTagIsNamed(String expression) {
        TagFilter filter = TagFilter.parse(expression);

        assertThat(filter.matchesAll()).isTrue();
        assertThat(filter.matchesHash(12345L)).isTrue();
        assertThat(filter.matchesHash(0L)).isTrue();
        assertThat(filter.matchesTag("anything")).isTrue();
        assertThat(filter.matchesTag(null)).isTrue();
    }

    @Test
    void splitsOnDoubleBarsTrimsSpacesAndIgnoresEmptyParts() {
        TagFilter filter = TagFilter.parse("  TagA ||TagB||  || TagC  ||");

        assertThat(filter.tags()).containsExactlyInAnyOrder("TagA", "TagB", "TagC");
        assertThat(filter.hashCodes())
                .containsExactlyInAnyOrder("TagA".hashCode(), "TagB".hashCode(), "TagC".hashCode());
        assertThat(filter.matchesAll()).isFalse();
    }

    @Test
    void aSingleTagIsItsOwnSet() {
        TagFilter filter = TagFilter.parse("TagA");

        assertThat(filter.tags()).containsExactly("TagA");
        assertThat(filter.hashCodes()).containsExactly("TagA".hashCode());
    }

    @Test
    void matchesConsumeQueueEntriesByTagHash() {
        TagFilter filter = TagFilter.parse("TagA || TagB");

        assertThat(filter.matchesHash("TagA".hashCode())).isTrue();
        assertThat(filter.matchesHash("TagB".hashCode())).isTrue();
        assertThat(filter.matchesHash("TagC".hashCode())).isFalse();
        assertThat(filter.matchesHash(0L)).as("an untagged message stores 0").isFalse();
    }

    @Test
    void hashMatchUsesTheLow32BitsOfTheTagsCode() {
        int hash = "TagA".hashCode();
        TagFilter filter = TagFilter.parse("TagA");

        assertThat(filter.matchesHash((long) hash)).isTrue();
        assertThat(filter.matchesHash(hash & 0xFFFFFFFFL)).isTrue();
    }

    @Test
    void hashCollisionsPassThePreCheckButNotTheExactTagCheck() {
        // "Aa" and "BB" share a String.hashCode(): the consume queue cannot tell them apart.
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        TagFilter filter = TagFilter.parse("Aa");

        assertThat(filter.matchesHash("BB".hashCode())).isTrue();
        assertThat(filter.matchesTag("BB")).isFalse();
        assertThat(filter.matchesTag("Aa")).isTrue();
    }

    @Test
    void exactTagCheckIsCaseSensitiveAndRejectsUntaggedMessages() {
        TagFilter filter = TagFilter.parse("TagA");

        assertThat(filter.matchesTag("taga")).isFalse();
        assertThat(filter.matchesTag(null)).isFalse();
        assertThat(filter.matchesTag("TagA")).isTrue();
    }

    @Test
    void aStarAmongOtherCharactersIsAnOrdinaryTag() {
        TagFilter filter = TagFilter.parse(" * ");

        assertThat(filter.matchesAll()).isFalse();
        assertThat(filter.tags()).containsExactly("*");
    }
}
