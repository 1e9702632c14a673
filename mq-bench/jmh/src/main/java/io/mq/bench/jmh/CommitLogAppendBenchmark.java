package io.mq.bench.jmh;

import io.mq.broker.store.AppendResult;
import io.mq.broker.store.DefaultMessageStore;
import io.mq.broker.store.FlushDiskType;
import io.mq.broker.store.StoreConfig;
import io.mq.protocol.message.MessageDraft;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code store.append(draft)} until the store acknowledges it, in both flush modes: under SYNC_FLUSH the answer
 * waits for the fsync, so one thread measures the fsync and 16 threads show what group commit recovers. A fresh
 * store per iteration (on a temp dir, 256 MiB segments) keeps the disk use of a run bounded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CommitLogAppendBenchmark {

    @Param({"ASYNC_FLUSH", "SYNC_FLUSH"})
    public FlushDiskType flushDiskType;

    @Param({"1024"})
    public int bodySize;

    private Path dir;
    private DefaultMessageStore store;
    private MessageDraft[] drafts;

    @Setup(Level.Iteration)
    public void openStore() {
        dir = Fixtures.tempDir("mq-jmh-append-");
        store = new DefaultMessageStore(StoreConfig.defaults(dir, Fixtures.STORE_HOST)
                .withFlushDiskType(flushDiskType)
                .withCommitLogSegmentSize(256 * 1024 * 1024));
        store.start();
        drafts = new MessageDraft[8];
        for (int q = 0; q < drafts.length; q++) {
            drafts[q] = Fixtures.draft(bodySize, q);
        }
    }

    @TearDown(Level.Iteration)
    public void closeStore() {
        store.shutdown();
        Fixtures.delete(dir);
    }

    @Benchmark
    @Threads(1)
    public AppendResult appendOneThread(QueueChoice queue) {
        return store.append(drafts[queue.next()]).join();
    }

    @Benchmark
    @Threads(16)
    public AppendResult append16Threads(QueueChoice queue) {
        return store.append(drafts[queue.next()]).join();
    }

    /** Spreads a thread's appends over 8 queues, as a producer does. */
    @State(Scope.Thread)
    public static class QueueChoice {
        private int next;

        int next() {
            next = (next + 1) & 7;
            return next;
        }
    }
}
