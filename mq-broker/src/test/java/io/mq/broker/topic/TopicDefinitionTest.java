package io.mq.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicDefinitionTest {

    @Test
    void acceptsRocketMqNameCharacters() {
        var topic = TopicDefinition.of("%RETRY%order-group|a_1", 4, Perm.READ_WRITE);

        assertThat(topic.isReadable()).isTrue();
        assertThat(topic.isWritable()).isTrue();
        assertThat(topic.readQueueNums()).isEqualTo(4);
    }

    @Test
    void rejectsIllegalCharacterNamingIt() {
        assertThatThrownBy(() -> TopicDefinition.of("orders.eu", 4, Perm.READ_WRITE))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("'orders.eu'")
                .hasMessageContaining("'.' at index 6");
    }

    @Test
    void rejectsBlankName() {
        assertThatThrownBy(() -> TopicDefinition.of(" ", 4, Perm.READ_WRITE))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("blank");
    }

    @Test
    void rejectsNamesLongerThan127() {
        assertThat(TopicDefinition.of("t".repeat(127), 1, Perm.READ_WRITE).name()).hasSize(127);
        assertThatThrownBy(() -> TopicDefinition.of("t".repeat(128), 1, Perm.READ_WRITE))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("128 characters long; the maximum is 127");
    }

    @Test
    void rejectsZeroQueues() {
        assertThatThrownBy(() -> new TopicDefinition("t", 4, 0, 6, TopicFilterType.SINGLE_TAG, 0, false))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("writeQueueNums must be at least 1, was 0");
    }

    @Test
    void rejectsUnknownPermBits() {
        assertThatThrownBy(() -> TopicDefinition.of("t", 4, 16))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("perm 16");
    }

    @Test
    void groupNamesMayBeLongerThanTopics() {
        TopicNames.validateGroup("g".repeat(255));
        assertThatThrownBy(() -> TopicNames.validateGroup("g".repeat(256)))
                .hasMessageContaining("group name");
    }

    @Test
    void permDescribesBits() {
        assertThat(Perm.describe(7)).isEqualTo("RWX");
        assertThat(Perm.describe(Perm.WRITE)).isEqualTo("-W-");
    }
}
