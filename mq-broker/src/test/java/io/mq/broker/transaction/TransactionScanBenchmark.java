package io.mq.broker.transaction;

import static io.mq.protocol.message.MessageSysFlag.TRANSACTION_COMMIT_TYPE;

import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.store.AppendResult;
import io.mq.broker.store.DefaultMessageStore;
import io.mq.broker.store.FlushDiskType;
import io.mq.protocol.header.EndTransactionRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.transport.RemoteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the check scan over many pending half messages (not a test; figures are reported, not asserted):
 * {@code TransactionScanBenchmark [count] [dir]}. Appends {@code count} half messages through the store, then times
 * a scan that finds them all young, the recovery on a restart, a scan that checks them all (re-put + one-way
 * request to a counting channel), and a scan that passes them all once ended; with the heap used after each.
 */
public final class TransactionScanBenchmark {

    private TransactionScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var root = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("tx-bench");
        var sent = new AtomicLong();
        var channel = new CountingChannel(sent);
        ProducerChannels producers = group -> Optional.of(channel);
        var halves = new ArrayList<AppendResult>(count);

        var store = start(root);
        var offsets = ConsumerOffsets.open(root);
        var young = new TransactionalMessageService(store, offsets, producers,
                new TransactionSettings(Duration.ofHours(1), Duration.ofSeconds(60), 15));
        young.recover();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            halves.add(young.prepare(TransactionFixture.draft("tx-" + i, "body-of-transaction-" + i)).join());
        }
        report("append " + count + " half messages", t0);
        awaitDispatched(store);
        t0 = System.nanoTime();
        var round = young.check();
        report("scan, all younger than the timeout: " + round, t0);
        offsets.close();
        store.shutdown();

        store = start(root);
        offsets = ConsumerOffsets.open(root);
        var service = new TransactionalMessageService(store, offsets, producers,
                new TransactionSettings(Duration.ZERO, Duration.ofSeconds(60), 15));
        t0 = System.nanoTime();
        service.recover();
        report("recover on restart (" + count + " pending)", t0);

        t0 = System.nanoTime();
        round = service.check();
        report("scan, all checked (re-put + CHECK_TRANSACTION_STATE): " + round + ", sent " + sent.get(), t0);
        heap("after the checking scan");

        t0 = System.nanoTime();
        for (var half : halves) {
            service.end(new EndTransactionRequestHeader(TransactionFixture.GROUP, half.queueOffset(),
                    half.physicalOffset(), TRANSACTION_COMMIT_TYPE, false, "m", "t"));
        }
        report("commit all " + count + " (re-put to the real topic + op record)", t0);
        heap("with " + service.endedAwaitingScan() + " ended transactions awaiting the scan");
        awaitDispatched(store);
        t0 = System.nanoTime();
        round = service.check();
        report("scan, all ended (passed): " + round, t0);
        heap("after the scan dropped them");
        offsets.close();
        store.shutdown();
    }

    private static DefaultMessageStore start(Path root) {
        var store = new DefaultMessageStore(TransactionFixture.storeConfig(root, FlushDiskType.ASYNC_FLUSH)
                .withCommitLogSegmentSize(256 * 1024 * 1024).withConsumeQueueEntriesPerFile(1_000_000));
        store.start();
        return store;
    }

    private static void awaitDispatched(DefaultMessageStore store) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(5))
                .pollInterval(java.time.Duration.ofMillis(5))
                .until(() -> store.dispatchedOffset() >= store.commitLogMaxOffset());
    }

    private static void report(String what, long startNanos) {
        System.out.printf("%-110s %8d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static void heap(String when) {
        var runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        System.out.printf("heap used %s: %d MiB%n", when, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    /** Counts the checks, keeps nothing. */
    private record CountingChannel(AtomicLong sent) implements RemoteChannel {
        @Override
        public String remoteAddress() {
            return "127.0.0.1:1";
        }

        @Override
        public String localAddress() {
            return "127.0.0.1:2";
        }

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void reply(RemotingCommand request, RemotingCommand response) {
        }

        @Override
        public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMillis) {
            return new CompletableFuture<>();
        }

        @Override
        public void invokeOneway(RemotingCommand request) {
            sent.incrementAndGet();
        }

        @Override
        public void close() {
        }
    }
}
