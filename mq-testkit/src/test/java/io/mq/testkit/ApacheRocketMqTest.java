package io.mq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's failure paths and settings; the happy path runs in mq-compat/rocketmq5 against the real jars. */
class ApacheRocketMqTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(RuntimeClasspath.PROPERTY);
    }

    @Test
    void startingWithoutTheRuntimeClasspathNamesTheMissingFile() {
        var missing = dir.resolve("missing.classpath");
        System.setProperty(RuntimeClasspath.PROPERTY, missing.toString());

        assertThatThrownBy(() -> ApacheRocketMq.start(ApacheRocketMq.Options.in(dir.resolve("scratch"))))
                .isInstanceOf(ApacheRocketMqException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aProcessThatDiesDuringStartupFailsFastWithItsOutput() throws Exception {
        var classpath = Files.writeString(dir.resolve("bogus.classpath"), dir.resolve("no-such.jar").toString());
        System.setProperty(RuntimeClasspath.PROPERTY, classpath.toString());
        var scratch = dir.resolve("scratch");
        long started = System.nanoTime();

        assertThatThrownBy(() -> ApacheRocketMq.start(ApacheRocketMq.Options.in(scratch)))
                .isInstanceOf(ApacheRocketMqException.class)
                .hasMessageContaining("exited while waiting")
                .hasMessageContaining("org.apache.rocketmq")
                .hasMessageContaining(scratch.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(scratch.resolve("broker.conf")).exists();
    }

    @Test
    void jvmOptionsAreTheOnesKnownToWorkOnJava17WithHomeInTheScratchDir() {
        var broker = ApacheRocketMq.jvmOptions("1g", dir);

        assertThat(broker).containsSubsequence("-Xmx1g", "-XX:+UseG1GC", "-XX:MaxDirectMemorySize=2g",
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED", "-Duser.home=" + dir);
        assertThat(ApacheRocketMq.namesrvJvmOptions(dir)).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .doesNotContain("-XX:+UseG1GC");
    }

    @Test
    void optionsRejectNonsense() {
        var options = ApacheRocketMq.Options.in(dir);

        assertThatThrownBy(() -> options.withHeap("1 GB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withTransactionTimeoutMillis(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withBrokerConfig("flushDiskType")).isInstanceOf(IllegalArgumentException.class);
        assertThat(options.withBrokerConfig("a=1").withBrokerConfig("b=2").extraBrokerConfig()).containsExactly("a=1", "b=2");
    }
}
