package io.mq.bench.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM's JIT compiler threads, from {@code /proc/self/task/<tid>/stat} (Linux; 0 elsewhere). The JMX
 * beans do not list compiler threads, and their compilation time is elapsed, not CPU time. On a busy machine the
 * compilers are still working off their queue after the warm-up, so part of a measured phase's CPU is compilation;
 * this says how much.
 */
final class CompilerCpu {

    /** Clock ticks per second of the stat fields; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CompilerCpu() {
    }

    /** CPU seconds (user + system) the compiler threads alive now have used. */
    static double seconds() {
        var tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long ticks = 0;
        try (var threads = Files.list(tasks)) {
            for (var thread : (Iterable<Path>) threads::iterator) {
                ticks += compilerTicks(thread);
            }
        } catch (IOException | RuntimeException e) {
            return 0; // a thread may end while listed; the figure is a by-the-way
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static long compilerTicks(Path thread) {
        try {
            var name = Files.readString(thread.resolve("comm")).trim();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            var stat = Files.readString(thread.resolve("stat"));
            // fields after the parenthesised name: state(3) ... utime(14) stime(15)
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
