package io.mq.broker.processor.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.filter.TagFilter;
import io.mq.broker.store.DefaultMessageStore;
import io.mq.broker.store.StoreConfig;
import io.mq.protocol.header.PullMessageRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hold service alone, on a clock the test moves and a sweep the test runs. */
class PullRequestHoldServiceTest {

    private static final String TOPIC = "T";
    private static final long HOLD_NANOS = Duration.ofSeconds(10).toNanos();

    @TempDir
    Path dir;
    private DefaultMessageStore store;
    private ScheduledExecutorService scheduler;
    private final AtomicLong clock = new AtomicLong(1_000);
    private final List<PullTask> resumed = new CopyOnWriteArrayList<>();
    private PullRequestHoldService holds;

    @BeforeEach
    void start() {
        store = new DefaultMessageStore(StoreConfig.defaults(dir, new InetSocketAddress("127.0.0.1", 10911)));
        store.start();
        scheduler = Executors.newSingleThreadScheduledExecutor();
        // a direct executor and a sweep that never fires by itself: the test drives both
        holds = new PullRequestHoldService(store, Runnable::run, scheduler, Duration.ofHours(1), clock::get);
    }

    @AfterEach
    void stop() {
        holds.close();
        scheduler.shutdownNow();
        store.shutdown();
    }

    @Test
    void aHeldPullIsResumedByTheSweepOnlyOnceItsDeadlineHasPassed() {
        var task = task(new FakeChannel(), 0, TagFilter.ALL);
        holds.hold(task, resumed::add);

        clock.addAndGet(HOLD_NANOS - 1);
        holds.sweep();
        assertThat(resumed).isEmpty();

        clock.addAndGet(1);
        holds.sweep();
        assertThat(resumed).containsExactly(task);
        assertThat(holds.heldCount()).isZero();
    }

    @Test
    void anArrivalWakesOnlyPullsOfThatQueueAtOrBeforeTheNewOffsetWhoseFilterMayMatch() {
        var atFive = task(new FakeChannel(), 5, TagFilter.ALL);
        var atZeroTagA = task(new FakeChannel(), 0, TagFilter.parse("TagA"));
        holds.hold(atFive, resumed::add);
        holds.hold(atZeroTagA, resumed::add);

        holds.onArrived(TOPIC, 0, 4, 0, Map.of());
        holds.onArrived(TOPIC, 1, 9, "TagA".hashCode(), Map.of());
        holds.onArrived(TOPIC, 0, 4, "TagB".hashCode(), Map.of());
        assertThat(resumed).isEmpty();

        holds.onArrived(TOPIC, 0, 5, "TagA".hashCode(), Map.of());
        assertThat(resumed).containsExactlyInAnyOrder(atFive, atZeroTagA);
        assertThat(holds.heldCount()).isZero();
    }

    @Test
    void aPullIsHandedOnExactlyOnceEvenWhenWokenAndExpiredTogether() {
        var task = task(new FakeChannel(), 0, TagFilter.ALL);
        holds.hold(task, resumed::add);
        clock.addAndGet(HOLD_NANOS);

        holds.onArrived(TOPIC, 0, 0, 0, Map.of());
        holds.sweep();

        assertThat(resumed).containsExactly(task);
    }

    @Test
    void aHeldPullWhoseConnectionClosedIsDroppedUnanswered() {
        var channel = new FakeChannel();
        holds.hold(task(channel, 0, TagFilter.ALL), resumed::add);

        channel.active = false;
        holds.sweep();
        holds.onArrived(TOPIC, 0, 0, 0, Map.of());

        assertThat(resumed).isEmpty();
        assertThat(holds.heldCount()).isZero();
    }

    @Test
    void aPullForABackedUpConnectionWaitsUntilItDrains() {
        var channel = new FakeChannel();
        channel.writable = false;
        holds.holdUntilWritable(task(channel, 0, TagFilter.ALL), resumed::add);

        holds.sweep();
        assertThat(resumed).isEmpty();

        channel.writable = true;
        holds.sweep();
        assertThat(resumed).singleElement().satisfies(t -> assertThat(t.waitedForWritable()).isTrue());
    }

    @Test
    void aPullForAConnectionThatNeverDrainsIsReleasedAfterTheMaximumWait() {
        var channel = new FakeChannel();
        channel.writable = false;
        holds.holdUntilWritable(task(channel, 0, TagFilter.ALL), resumed::add);

        clock.addAndGet(PullRequestHoldService.MAX_WRITABLE_WAIT.toNanos());
        holds.sweep();

        assertThat(resumed).hasSize(1);
    }

    private PullTask task(FakeChannel channel, long offset, TagFilter filter) {
        var header = new PullMessageRequestHeader("g", TOPIC, 0, offset, 32, PullMessageRequestHeader.FLAG_SUSPEND, 0,
                10_000, null, 0, null, null, null, null, null);
        var request = RemotingCommand.request(RequestCode.PULL_MESSAGE, header);
        return new PullTask(channel, request, header, new PullFilter(filter), true, clock.get() + HOLD_NANOS, false);
    }
}
