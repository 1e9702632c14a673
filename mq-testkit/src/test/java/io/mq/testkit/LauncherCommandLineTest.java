package io.mq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void flagsBecomeOptions() {
        var options = LauncherCommandLine.parse("--dir", dir.toString(), "--heap", "2g", "--sync-flush",
                "--tx-timeout", "1500", "--tx-check-interval", "3000", "--start-timeout", "90",
                "--conf", "messageDelayLevel=1s 2s", "--conf", "maxMessageSize=1024");

        assertThat(options.scratchDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(options.heap()).isEqualTo("2g");
        assertThat(options.flushDiskType()).isEqualTo(FlushDiskType.SYNC_FLUSH);
        assertThat(options.transactionTimeoutMillis()).isEqualTo(1500);
        assertThat(options.transactionCheckIntervalMillis()).isEqualTo(3000);
        assertThat(options.startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.extraBrokerConfig()).containsExactly("messageDelayLevel=1s 2s", "maxMessageSize=1024");
    }

    @Test
    void noFlagsGiveTheDefaultsInAFreshTempDir() {
        var options = LauncherCommandLine.parse();

        assertThat(options.flushDiskType()).isEqualTo(FlushDiskType.ASYNC_FLUSH);
        assertThat(options.heap()).isEqualTo("1g");
        assertThat(options.scratchDir().getFileName().toString()).startsWith("apache-rocketmq-");
        assertThat(options.scratchDir().toFile().delete()).isTrue();
    }

    @Test
    void badInputIsRejectedWithTheUsage() {
        assertThatThrownBy(() -> LauncherCommandLine.parse("--heap")).hasMessageContaining("usage:");
        assertThatThrownBy(() -> LauncherCommandLine.parse("--bogus")).hasMessageContaining("unknown argument --bogus");
        assertThatThrownBy(() -> LauncherCommandLine.parse("--heap", "lots")).hasMessageContaining("heap must look like");
        assertThatThrownBy(() -> LauncherCommandLine.parse("--conf", "no-equals")).hasMessageContaining("key=value");
    }
}
