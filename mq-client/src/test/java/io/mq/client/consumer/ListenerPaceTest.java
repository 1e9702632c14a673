package io.mq.client.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListenerPaceTest {

    @Test
    void untimedCallsCountAsSlowOnePerTask() {
        assertThat(new ListenerPace().callsPerTask(32)).isEqualTo(1);
    }

    @Test
    void quickCallsGoTogetherUpToAllOfThem() {
        var pace = new ListenerPace();
        for (int i = 0; i < 100; i++) {
            pace.record(1_000);
        }
        assertThat(pace.callsPerTask(32)).isEqualTo(32);
        assertThat(pace.callsPerTask(1_000)).isBetween(100, (int) (ListenerPace.TASK_NANOS / 1_000));
    }

    @Test
    void callsThatTurnSlowSpreadOutAgain() {
        var pace = new ListenerPace();
        for (int i = 0; i < 100; i++) {
            pace.record(1_000);
        }
        for (int i = 0; i < 20; i++) {
            pace.record(10 * ListenerPace.TASK_NANOS);
        }
        assertThat(pace.callsPerTask(32)).isEqualTo(1);
        pace.record(-5); // a clock step back is no negative duration
        assertThat(pace.callsPerTask(32)).isEqualTo(1);
    }
}
