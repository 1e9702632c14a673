package io.mq.broker.store;

import io.mq.bench.jmh.Fixtures;
import io.mq.protocol.message.MessageCodec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dispatcher's work per message, without its thread: decode the stored record's header, compute the tag
 * code, append the 20-byte consume-queue entry. Lives in the store's package (in this benchmark module only)
 * because {@link ConsumeQueue}'s writer side is package-private by design.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConsumeQueueDispatchBenchmark {

    private final TagsCodeCalculator tagsCodes = TagsCodeCalculator.tagsHash();
    private Path dir;
    private ConsumeQueue queue;
    private ByteBuffer record;
    private long queueOffset;

    @Setup(Level.Iteration)
    public void openQueue() {
        dir = Fixtures.tempDir("mq-jmh-cq-");
        queue = new ConsumeQueue(new TopicQueue(Fixtures.TOPIC, 0), dir, StoreConfig.DEFAULT_CONSUME_QUEUE_ENTRIES);
        queue.load();
        record = MessageCodec.encode(Fixtures.draft(1024, 0), 0, 0, System.currentTimeMillis(), Fixtures.STORE_HOST);
        queueOffset = 0;
    }

    @TearDown(Level.Iteration)
    public void dropQueue() {
        Fixtures.delete(dir);
    }

    @Benchmark
    public boolean dispatchOne() {
        var message = MessageCodec.decode(record.duplicate(), false);
        long offset = queueOffset++;
        return queue.put(offset, offset * record.remaining(), record.remaining(), tagsCodes.tagsCode(message));
    }
}
