package io.mq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessMetricsTest {

    @Test
    void cpuSecondsOfThisJvmAgreeWithTheJdksOwnAccount() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        long pid = ProcessHandle.current().pid();
        burnCpu();

        double fromProc = ProcessMetrics.cpuSeconds(pid).orElseThrow();
        double fromJdk = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() / 1e9;

        assertThat(fromProc).isPositive().isCloseTo(fromJdk, within(0.5));
    }

    @Test
    void peakRssOfThisJvmIsAtLeastItsHeapInUse() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        var runtime = Runtime.getRuntime();
        long usedKb = (runtime.totalMemory() - runtime.freeMemory()) / 1024;

        assertThat(ProcessMetrics.peakRssKb(ProcessHandle.current().pid()).orElseThrow()).isGreaterThan(usedKb / 2);
    }

    @Test
    void aProcessThatDoesNotExistHasNoMetrics() {
        long noSuchPid = Long.MAX_VALUE;

        assertThat(ProcessMetrics.cpuSeconds(noSuchPid)).isEmpty();
        assertThat(ProcessMetrics.peakRssKb(noSuchPid)).isEmpty();
    }

    private static void burnCpu() {
        long until = System.nanoTime() + 200_000_000L;
        long x = 0;
        while (System.nanoTime() < until) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        assertThat(x).isNotNegative();
    }
}
