package io.mq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.bench.run.Mode;
import io.mq.bench.run.SendMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void fillsInTheIssueDefaultsForAProduceRun() {
        var options = LoadOptions.parse("--mode", "produce");

        assertThat(options.mode()).isEqualTo(Mode.PRODUCE);
        assertThat(options.driver()).isEqualTo("rocketmq4");
        assertThat(options.sendMode()).isEqualTo(SendMode.SYNC);
        assertThat(options.bodySize()).isEqualTo(1024);
        assertThat(options.threads()).isEqualTo(16);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.fixedCount()).isFalse();
        assertThat(options.group()).startsWith("bench_");
    }

    @Test
    void readsBothSpellingsUnitsAndCaseInsensitiveChoices() {
        var options = LoadOptions.parse("--mode=E2E", "--send-mode", "async", "--body-size", "4k", "--duration", "2m",
                "--warmup=500ms", "--rate", "2500.5", "--messages", "1_000_000", "--namesrv", "10.0.0.1:9876;10.0.0.2:9876");

        assertThat(options.mode()).isEqualTo(Mode.E2E);
        assertThat(options.sendMode()).isEqualTo(SendMode.ASYNC);
        assertThat(options.bodySize()).isEqualTo(4096);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.rate()).isEqualTo(2500.5);
        assertThat(options.messages()).isEqualTo(1_000_000);
        assertThat(options.fixedCount()).isTrue();
        assertThat(options.namesrv()).isEqualTo("10.0.0.1:9876;10.0.0.2:9876");
    }

    @Test
    void namesTheOffendingOptionInEveryRefusal() {
        assertThatThrownBy(() -> LoadOptions.parse("--threads", "4")).hasMessageContaining("--mode is required");
        assertThatThrownBy(() -> LoadOptions.parse("--mode", "produce", "--thread", "4")).hasMessageContaining("unknown option --thread");
        assertThatThrownBy(() -> LoadOptions.parse("--mode", "produce", "--threads")).hasMessageContaining("--threads needs a value");
        assertThatThrownBy(() -> LoadOptions.parse("--mode", "produce", "--threads", "many")).hasMessageContaining("--threads must be a whole number");
        assertThatThrownBy(() -> LoadOptions.parse("--mode", "produce", "--duration", "soon")).hasMessageContaining("--duration must be a duration");
        assertThatThrownBy(() -> LoadOptions.parse("--mode", "produce", "--send-mode", "batch")).hasMessageContaining("--send-mode must be one of");
        assertThatThrownBy(() -> LoadOptions.parse("--mode", "produce", "--body-size", "4")).hasMessageContaining("--body-size must be at least 8");
        assertThatThrownBy(() -> LoadOptions.parse("--mode", "produce", "stray")).hasMessageContaining("unexpected argument 'stray'");
    }
}
