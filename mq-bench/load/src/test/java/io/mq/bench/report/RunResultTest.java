package io.mq.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RunResultTest {

    @Test
    void readsPercentilesFromTheHistogramWithinItsPrecision() {
        var micros = new Histogram(3);
        for (int v = 1; v <= 10_000; v++) {
            micros.recordValue(v);
        }

        var latency = Latency.of(micros);

        assertThat(latency.count()).isEqualTo(10_000);
        assertThat(latency.p50Us()).isCloseTo(5_000, within(5L));
        assertThat(latency.p99Us()).isCloseTo(9_900, within(10L));
        assertThat(latency.p999Us()).isCloseTo(9_990, within(10L));
        assertThat(latency.maxUs()).isCloseTo(10_000, within(10L));
        assertThat(latency.describe()).startsWith("p50 5.0");
    }

    @Test
    void anEmptyHistogramReportsNoLatency() {
        assertThat(Latency.of(new Histogram(3))).isEqualTo(Latency.NONE);
        assertThat(Latency.NONE.describe()).isEqualTo("none");
    }

    @Test
    void theResultLineReadsBackToTheSameFiguresAndRates() {
        var result = new RunResult("produce", "rocketmq4", "sync", 16, 1024, 0, 10.0, 50_000, 60_000, 3, 0,
                new Latency(50_000, 1_200, 9_800, 25_000, 80_000, 1_500.25));

        var line = result.resultLine();
        var back = RunResult.fromJson(line.substring(RunResult.PREFIX.length()));

        assertThat(line).startsWith("RESULT {\"mode\":\"produce\"").contains("\"msgPerSec\":5000.000");
        assertThat(back).isEqualTo(result);
        assertThat(back.messagesPerSecond()).isEqualTo(5_000.0);
        assertThat(back.megabytesPerSecond()).isCloseTo(4.883, within(0.001));
        assertThat(result.summary()).contains("5000 msg/s", "4.88 MB/s", "3 errors", "p99 9.800");
    }

    @Test
    void flatJsonKeepsQuotedTextIntactAndRefusesNesting() {
        assertThat(FlatJson.read("{ \"a\" : \"x, \\\"y\\\"\", \"b\": -1.5 }"))
                .containsEntry("a", "x, \"y\"").containsEntry("b", "-1.5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FlatJson.read("{\"a\":{\"b\":1}}"))
                .hasMessageContaining("nested");
    }
}
