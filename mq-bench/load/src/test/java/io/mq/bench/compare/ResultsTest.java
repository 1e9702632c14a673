package io.mq.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultsTest {

    @Test
    void pairsRoundsAndReportsTheMedianRatioWithItsSpread() {
        var results = new Results();
        var rate = new Results.Row("sync send: msg/s", false);
        results.add(rate, BrokerKind.OURS, 1, 900);
        results.add(rate, BrokerKind.APACHE, 1, 1000);
        results.add(rate, BrokerKind.OURS, 2, 1200);
        results.add(rate, BrokerKind.APACHE, 2, 1000);
        results.add(rate, BrokerKind.OURS, 3, 1000);
        results.add(rate, BrokerKind.APACHE, 3, 1000);

        assertThat(results.table()).contains("| sync send: msg/s | 1000 | 1000 | 1.00 | 0.90-1.20 |");
        assertThat(results.tsv()).contains("sync send: msg/s\tours\t2\t1200.000");
    }

    @Test
    void marksLowerIsBetterAndLeavesUnpairedRoundsOutOfTheRatio() {
        var results = new Results();
        var p99 = new Results.Row("p99 ms", true);
        results.add(p99, BrokerKind.OURS, 1, 4);
        results.add(p99, BrokerKind.APACHE, 1, 8);
        results.add(p99, BrokerKind.OURS, 2, 40); // apache's round 2 failed: no pair

        assertThat(results.table()).contains("| p99 ms (lower is better) | 22.00 | 8.00 | 0.50 | 0.50-0.50 |");
    }
}
