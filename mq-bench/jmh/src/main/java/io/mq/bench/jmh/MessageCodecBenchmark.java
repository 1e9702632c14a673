package io.mq.bench.jmh;

import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.StoredMessage;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stored message format: encoding a draft into a (direct, like a mapped segment) buffer, which the commit
 * log does under its write lock, and decoding a record, which the dispatcher does without the body and a pull
 * consumer's decoding does with it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MessageCodecBenchmark {

    @Param({"1024"})
    public int bodySize;

    private MessageDraft draft;
    private ByteBuffer target;
    private ByteBuffer record;

    @Setup
    public void setUp() {
        draft = Fixtures.draft(bodySize, 0);
        target = ByteBuffer.allocateDirect(MessageCodec.encodedSize(draft, Fixtures.STORE_HOST) * 2);
        record = MessageCodec.encode(draft, 1_000_000L, 42L, System.currentTimeMillis(), Fixtures.STORE_HOST);
    }

    /** Prepare (topic/properties bytes, CRC of the body) and write: the whole per-message cost of an append. */
    @Benchmark
    public int encode() {
        target.clear();
        MessageCodec.encode(draft, target, 1_000_000L, 42L, 1L, Fixtures.STORE_HOST);
        return target.position();
    }

    /** The dispatcher's read: header, topic and properties, no body copy. */
    @Benchmark
    public StoredMessage decodeWithoutBody() {
        return MessageCodec.decode(record.duplicate(), false);
    }

    @Benchmark
    public StoredMessage decodeWithBody() {
        return MessageCodec.decode(record.duplicate(), true);
    }
}
