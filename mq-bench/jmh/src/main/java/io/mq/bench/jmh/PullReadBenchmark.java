package io.mq.bench.jmh;

import io.mq.broker.store.DefaultMessageStore;
import io.mq.broker.store.GetMessageResult;
import io.mq.broker.store.MessageFilter;
import io.mq.broker.store.StoreConfig;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code store.getMessages} of a batch of 32 (a pull's default) from a queue holding 100k 1 KB messages, walking
 * the queue so that reads do not hit one hot spot: consume-queue lookup, tag filter, slices of the commit log.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PullReadBenchmark {

    private static final int MESSAGES = 100_000;
    private static final int BATCH = 32;
    private static final MessageFilter TAG_A = tagsCode -> tagsCode == "TagA".hashCode();

    @Param({"1024"})
    public int bodySize;

    private Path dir;
    private DefaultMessageStore store;
    private long offset;

    @Setup(Level.Trial)
    public void fillStore() {
        dir = Fixtures.tempDir("mq-jmh-pull-");
        store = new DefaultMessageStore(StoreConfig.defaults(dir, Fixtures.STORE_HOST)
                .withCommitLogSegmentSize(256 * 1024 * 1024));
        store.start();
        var draft = Fixtures.draft(bodySize, 0);
        for (int i = 0; i < MESSAGES; i++) {
            store.append(draft).join();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (store.maxOffset(Fixtures.TOPIC, 0) < MESSAGES) { // the dispatcher indexes a moment after append
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("dispatch did not catch up with " + MESSAGES + " messages");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    @TearDown(Level.Trial)
    public void dropStore() {
        store.shutdown();
        Fixtures.delete(dir);
    }

    @Benchmark
    public GetMessageResult pull32() {
        var result = store.getMessages("bench_group", Fixtures.TOPIC, 0, offset, BATCH, 256 * 1024, TAG_A);
        offset = result.nextBeginOffset() >= MESSAGES ? 0 : result.nextBeginOffset();
        return result;
    }
}
