package io.mq.broker.flowcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.processor.pull.PullFixture;
import io.mq.protocol.remoting.RemotingCommandCodec;
import io.mq.protocol.remoting.ResponseCode;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer that sends PULL requests but never reads its socket (issue 3: "a slow consumer never makes the broker
 * buffer without bound"). Each answer may carry up to 32 messages of 4 KiB.
 */
class SlowConsumerTest {
    private static final String TOPIC = "slow-topic";
    // More than the two kernels can hold in socket buffers (a pull frame is ~400 bytes), so a sender that is
    // pushed back really blocks.
    private static final int PIPELINED_PULLS = 100_000;
    /** One answer: 32 messages of 4 KiB. */
    private static final long ANSWER_BYTES = 32L * 4096;

    @TempDir
    Path dir;

    private PullFixture fixture;
    private Socket stuck;
    private final AtomicInteger sent = new AtomicInteger();

    @BeforeEach
    void start() {
        fixture = PullFixture.start(dir);
        fixture.createTopic(TOPIC);
        var body = "x".repeat(4096);
        for (int i = 0; i < 100; i++) {
            fixture.append(TOPIC, 0, body);
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (stuck != null) {
            stuck.close();
        }
        fixture.close();
    }

    /** Connects with a tiny receive window and pipelines pulls from a daemon thread; never reads. */
    private void startStuckConsumer() throws IOException {
        var address = fixture.broker().brokerAddress().split(":");
        stuck = new Socket();
        stuck.setReceiveBufferSize(4096);
        stuck.connect(new InetSocketAddress(address[0], Integer.parseInt(address[1])));
        var frame = RemotingCommandCodec.encode(PullFixture.pull(TOPIC, 0, 0));
        var writer = new Thread(() -> {
            try {
                var out = stuck.getOutputStream();
                for (int i = 0; i < PIPELINED_PULLS; i++) {
                    out.write(frame);
                    sent.incrementAndGet();
                }
            } catch (IOException e) {
                // the test closed the socket
            }
        }, "stuck-consumer-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Test
    void aConsumerThatNeverReadsDoesNotStopOtherConsumers() throws IOException {
        startStuckConsumer();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= 1_000);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var response = fixture.invoke(PullFixture.pull(TOPIC, 0, 90));
            assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(PullFixture.bodies(response)).hasSize(10);
        });
        assertThat(fixture.append(TOPIC, 1, "still accepting sends").isOk()).isTrue();
    }

    /**
     * The bound itself: the server stops reading a connection whose answers are backed up (autoRead off until it is
     * writable again), so the stuck sender is pushed back by TCP and the broker's buffers stay small. Before that,
     * every pipelined pull ended as a queued answer (measured: 1 MiB to 8.5 MiB for 20 000 pulls).
     */
    @Test
    void aConsumerThatNeverReadsIsPushedBackInsteadOfBuffered() throws IOException {
        long before = allocatorUsedBytes();
        startStuckConsumer();

        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(3))
                .until(() -> sent.get() < PIPELINED_PULLS);
        // Answers are copies (pooled once queued), 128 KiB each here. Unbounded, the pipelined pulls would queue up to
        // 100 000 of them (12 GiB); bounded, a few are in flight. The allocator is shared with whatever else this JVM
        // still runs from earlier tests and grows in chunks (one clean-clone CI run measured 8.1 MiB, a chunk over 64
        // answers' room), so the least of a few samples is compared with the room of 128 answers: 16 MiB, still three
        // orders of magnitude below unbounded.
        var held = new AtomicLong(Long.MAX_VALUE);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    held.accumulateAndGet(allocatorUsedBytes() - before, Math::min);
                    return true; // only sampling: the bound is checked once, on the least sample
                });
        assertThat(held.get()).isLessThan(128L * ANSWER_BYTES);
    }

    private static long allocatorUsedBytes() {
        if (!(ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider)) {
            return 0;
        }
        return provider.metric().usedDirectMemory() + provider.metric().usedHeapMemory();
    }
}
