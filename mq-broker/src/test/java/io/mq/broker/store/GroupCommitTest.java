package io.mq.broker.store;

import static io.mq.broker.store.StoreFixture.config;
import static io.mq.broker.store.StoreFixture.draft;
import static io.mq.broker.store.StoreFixture.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.protocol.message.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 100;

    @TempDir
    Path root;

    private DefaultMessageStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.shutdown();
        }
    }

    @Test
    void concurrentSyncAppendsAllCompleteOnDiskWithFewerFsyncsThanAppends() throws Exception {
        store = started(config(root).withFlushDiskType(FlushDiskType.SYNC_FLUSH));
        var futures = new CopyOnWriteArrayList<CompletableFuture<Boolean>>();
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < THREADS; t++) {
            int queueId = t;
            var thread = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < PER_THREAD; i++) {
                    // Record, at completion, whether the fsync really covered the message.
                    futures.add(store.append(draft("Sync", queueId, "m" + i)).thenApply(result ->
                            result.isOk() && store.commitLogFlushedOffset() >= result.physicalOffset() + result.size()));
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (var thread : threads) {
            thread.join();
        }

        var coveredByFsync = futures.stream().map(CompletableFuture::join).toList();

        assertThat(coveredByFsync).hasSize(THREADS * PER_THREAD).containsOnly(true);
        assertThat(store.commitLogFsyncCount()).isPositive().isLessThan(THREADS * PER_THREAD);
    }

    @Test
    void aSenderThatDoesNotWaitIsAnsweredAtOnceAndFlushedSoonAfter() {
        store = started(config(root).withFlushDiskType(FlushDiskType.SYNC_FLUSH));

        var result = store.append(draft("Sync", 0, "no-wait").withProperty(MessageProperties.WAIT_STORE_MSG_OK, "false"))
                .join();

        assertThat(result.isOk()).isTrue();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> store.commitLogFlushedOffset() >= result.physicalOffset() + result.size());
    }

    @Test
    void zerosAreKeptAheadOfTheWriterAndAppendsStillReadBack() {
        store = started(config(root).withFlushDiskType(FlushDiskType.SYNC_FLUSH)
                .withCommitLogSegmentSize(4 * ZeroFiller.LEAD_BYTES));

        var result = store.append(draft("Sync", 0, "first")).join();
        var segment = store.commitLog().lastSegment();

        assertThat(result.isOk()).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> segment.zeroedTo() >= segment.writePosition() + ZeroFiller.LEAD_BYTES);
        var late = store.append(draft("Sync", 0, "after the zeros")).join();
        assertThat(late.isOk()).isTrue();
        assertThat(store.lookMessageByOffset(late.physicalOffset()).orElseThrow().body())
                .asString(StandardCharsets.UTF_8).isEqualTo("after the zeros");
    }

    @Test
    void appendsThatRollOverManySegmentsWhileZerosAreFilledAllReadBack() throws Exception {
        store = started(config(root).withFlushDiskType(FlushDiskType.SYNC_FLUSH)
                .withCommitLogSegmentSize(64 * 1024).withMaxMessageSize(4096));
        var appended = new CopyOnWriteArrayList<Map.Entry<String, CompletableFuture<AppendResult>>>();
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            int queueId = t;
            var thread = new Thread(() -> {
                for (int i = 0; i < PER_THREAD * 5; i++) {
                    var body = "q" + queueId + "-m" + i + "-" + "x".repeat(150 + i % 100);
                    appended.add(Map.entry(body, store.append(draft("Roll", queueId, body))));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }

        for (var entry : appended) {
            var result = entry.getValue().join();
            assertThat(result.isOk()).isTrue();
            assertThat(store.lookMessageByOffset(result.physicalOffset()).orElseThrow().body())
                    .asString(StandardCharsets.UTF_8).isEqualTo(entry.getKey());
        }
        // The writer rolled over to new segments several times with the filler running.
        assertThat(store.commitLog().lastSegment().startOffset()).isGreaterThanOrEqualTo(5 * 64 * 1024L);
    }

    @Test
    void asyncFlushAnswersBeforeTheDiskAndFlushesOnItsInterval() {
        store = started(config(root));

        var results = new ArrayList<AppendResult>();
        for (int i = 0; i < 10; i++) {
            results.add(store.append(draft("Async", 0, "m" + i)).join());
        }

        assertThat(results).allMatch(AppendResult::isOk);
        long end = results.get(9).physicalOffset() + results.get(9).size();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> store.commitLogFlushedOffset() >= end);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
