package io.mq.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * CPU time and peak resident memory of a process, read from Linux {@code /proc}. Usable for
 * any pid, so a benchmark can measure our broker and Apache's the same way.
 */
public final class ProcessMetrics {

    /** Kernel USER_HZ: /proc reports times in these ticks; it is 100 on every Linux ABI we run on (x86-64, arm64). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessMetrics() {
    }

    /** User + system CPU seconds consumed so far, or empty when the process is gone or /proc is absent. */
    public static OptionalDouble cpuSeconds(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
            var fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields[0] is field 3 (state); utime is field 14, stime field 15.
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return OptionalDouble.of((utime + stime) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** Peak resident set size (VmHWM) in KiB, or empty when the process is gone or /proc is absent. */
    public static OptionalLong peakRssKb(long pid) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).replace("kB", "").trim()));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
