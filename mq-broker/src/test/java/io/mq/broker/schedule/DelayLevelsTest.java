package io.mq.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.BrokerConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DelayLevelsTest {

    @Test
    void defaultTableHasRocketMqsEighteenLevels() {
        var levels = DelayLevels.defaults();

        assertThat(levels.maxLevel()).isEqualTo(18);
        assertThat(levels.delayOf(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(levels.delayOf(2)).isEqualTo(Duration.ofSeconds(5));
        assertThat(levels.delayOf(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(levels.delayOf(18)).isEqualTo(Duration.ofHours(2));
        assertThat(levels.table()).isEqualTo(DelayLevels.DEFAULT_TABLE);
    }

    @Test
    void parsesEveryUnitAndExtraBlanks() {
        var levels = DelayLevels.parse("  250s\t3m  2h 1d ");

        assertThat(levels.delays()).containsExactly(Duration.ofSeconds(250), Duration.ofMinutes(3),
                Duration.ofHours(2), Duration.ofDays(1));
    }

    @Test
    void levelsAboveTheTableAreCappedAtTheLast() {
        var levels = DelayLevels.parse("1s 2s 3s");

        assertThat(levels.cap(2)).isEqualTo(2);
        assertThat(levels.cap(40)).isEqualTo(3);
    }

    @Test
    void aBadEntryIsRefusedNamingTheSettingAndTheEntry() {
        assertThatThrownBy(() -> DelayLevels.parse("1s 5x 10s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messageDelayLevel")
                .hasMessageContaining("mq.broker.message-delay-level")
                .hasMessageContaining("level 2 \"5x\"");
        assertThatThrownBy(() -> DelayLevels.parse("1.5s")).hasMessageContaining("\"1.5s\"");
        assertThatThrownBy(() -> DelayLevels.parse("  ")).hasMessageContaining("mq.broker.message-delay-level) is empty");
    }

    @Test
    void brokerConfigParsesTheTableAndRefusesABadOne() {
        var config = BrokerConfig.defaults().withMessageDelayLevel("1s 1s 1s");

        assertThat(config.messageDelayLevel().maxLevel()).isEqualTo(3);
        assertThat(BrokerConfig.defaults().messageDelayLevel()).isEqualTo(DelayLevels.defaults());
        assertThatThrownBy(() -> BrokerConfig.defaults().withMessageDelayLevel("soon"))
                .hasMessageContaining("messageDelayLevel");
    }
}
