package io.mq.bench.jmh;

import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RemotingCommandCodec;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.SerializeType;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
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
 * Frame encode and decode of a SEND_MESSAGE_V2 request with a 1 KB body, in both header serializations: the
 * per-request cost of the wire on the broker (decode) and the client (encode).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RemotingCodecBenchmark {

    @Param({"JSON", "ROCKETMQ"})
    public SerializeType serializeType;

    @Param({"1024"})
    public int bodySize;

    private RemotingCommand request;
    private byte[] frameAfterPrefix;
    private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;

    @Setup
    public void setUp() {
        request = sendRequest(serializeType, bodySize);
        var frame = RemotingCommandCodec.encode(request);
        frameAfterPrefix = java.util.Arrays.copyOfRange(frame, 4, frame.length); // the frame decoder strips the prefix
    }

    /** What the transport's encoder does: header into a pooled buffer (the body goes out as its own buffer). */
    @Benchmark
    public int encodeHeader() {
        var header = RemotingCommandCodec.encodeHeader(request, allocator);
        int length = header.readableBytes();
        header.release();
        return length;
    }

    /** The whole frame into one array (tools and tests; copies the body). */
    @Benchmark
    public byte[] encodeFrame() {
        return RemotingCommandCodec.encode(request);
    }

    /** What the broker does with every request frame. */
    @Benchmark
    public RemotingCommand decodeFrame() {
        return RemotingCommandCodec.decode(Unpooled.wrappedBuffer(frameAfterPrefix));
    }

    static RemotingCommand sendRequest(SerializeType type, int bodySize) {
        var cmd = RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, null)
                .putExt("a", "bench_producer")
                .putExt("b", Fixtures.TOPIC)
                .putExt("c", "TBW102")
                .putExt("d", "4")
                .putExt("e", "3")
                .putExt("f", "0")
                .putExt("g", Long.toString(System.currentTimeMillis()))
                .putExt("h", "0")
                .putExt("i", "UNIQ_KEY\u00017F0000010B6A18B4AAC27E0C2D4A0000\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u0002")
                .putExt("j", "0")
                .putExt("k", "false")
                .putExt("m", "false");
        cmd.serializeType(type);
        cmd.body(Fixtures.body(bodySize));
        return cmd;
    }
}
