package io.mq.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveredOffsetsTest {

    @Test
    void outOfOrderDeliveriesFoldIntoTheLowMarkWhenTheGapCloses() {
        var delivered = DeliveredOffsets.none();

        delivered.add(2);
        delivered.add(3);
        delivered.add(5);
        assertThat(delivered.low()).isZero();
        assertThat(delivered.contains(3)).isTrue();
        assertThat(delivered.contains(4)).isFalse();
        assertThat(delivered.ranges()).containsExactly(new long[] {2, 4}, new long[] {5, 6});

        delivered.add(0);
        delivered.add(1);
        assertThat(delivered.low()).isEqualTo(4);
        assertThat(delivered.ranges()).containsExactly(new long[] {5, 6});
    }

    @Test
    void rangesReadBackGiveTheSameSet() {
        var read = new DeliveredOffsets(10, List.of(new long[] {12, 14}, new long[] {10, 11}));

        assertThat(read.low()).isEqualTo(11);
        assertThat(read.contains(12)).isTrue();
        assertThat(read.contains(11)).isFalse();
        assertThat(read.contains(14)).isFalse();
    }
}
