package io.mq.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.store.DefaultMessageStore;
import io.mq.broker.store.MessageFilter;
import io.mq.broker.store.StoreConfig;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.StoredMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The delivery thread against a real store on disk: timing, order, and exactly-once across stops and crashes. */
class ScheduledDeliveryTest {

    private static final Logger log = LoggerFactory.getLogger(ScheduledDeliveryTest.class);
    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);
    private static final DelayLevels LEVELS = DelayLevels.parse("1s 2s");
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    private DefaultMessageStore store;
    private ScheduledDelivery delivery;
    private final DelayRouter router = new DelayRouter(LEVELS);

    @AfterEach
    void stop() {
        if (delivery != null) {
            delivery.close();
        }
        if (store != null) {
            store.shutdown();
        }
    }

    private void start(Duration progressInterval) {
        store = new DefaultMessageStore(StoreConfig.defaults(dir, HOST).withCommitLogSegmentSize(4 * 1024 * 1024)
                .withConsumeQueueEntriesPerFile(1000).withFlushInterval(Duration.ofMillis(50)),
                new ScheduleTagsCodes(LEVELS));
        store.start();
        delivery = ScheduledDelivery.start(store, dir, router, System::currentTimeMillis, progressInterval);
    }

    /** What a kill -9 leaves: no progress written, no clean store stop. */
    private void crash() {
        delivery.halt();
        store.halt();
        delivery = null;
        store = null;
    }

    private void gracefulStop() {
        delivery.close();
        store.shutdown();
        delivery = null;
        store = null;
    }

    private void send(String topic, String body, Map<String, String> properties) {
        var all = new LinkedHashMap<String, String>(properties);
        all.put(MessageProperties.UNIQ_KEY, "UNIQ-" + body);
        var draft = MessageDraft.of(topic, 0, body.getBytes(StandardCharsets.UTF_8), all, HOST);
        assertThat(store.append(router.hold(draft)).join().isOk()).isTrue();
    }

    private List<StoredMessage> delivered(String topic) {
        var result = store.getMessages("test", topic, 0, 0, 1000, 16 * 1024 * 1024, MessageFilter.ALL);
        var out = new ArrayList<StoredMessage>();
        result.messages().forEach(b -> out.add(MessageCodec.decode(b.duplicate(), true)));
        return out;
    }

    private static String body(StoredMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    private void awaitCount(String topic, int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> store.maxOffset(topic, 0) >= count);
    }

    @Test
    void aLevelMessageReachesItsRealTopicNoEarlierThanItsDelayWithItsIdentity() {
        start(Duration.ofSeconds(1));
        send("orders", "a", Map.of(MessageProperties.DELAY_TIME_LEVEL, "1", MessageProperties.TAGS, "x"));
        long heldAt = store.lookMessageByOffset(0).orElseThrow().storeTimestamp();

        awaitCount("orders", 1);

        var out = delivered("orders").get(0);
        assertThat(out.storeTimestamp() - heldAt).isGreaterThanOrEqualTo(1000);
        assertThat(out.uniqueKey()).isEqualTo("UNIQ-a");
        assertThat(out.properties()).doesNotContainKey(MessageProperties.DELAY_TIME_LEVEL)
                .containsEntry(MessageProperties.TAGS, "x");
        assertThat(delivery.levelOffsets()).containsEntry(1, 1L).containsEntry(2, 0L);
        log.info("level 1 (1 s) delivered {} ms after it was held", out.storeTimestamp() - heldAt);
    }

    @Test
    void timerMessagesComeOutInTimeOrderNeverEarly() {
        start(Duration.ofSeconds(1));
        long base = System.currentTimeMillis();
        long[] due = {base + 900, base + 300, base + 600, base + 301};
        for (int i = 0; i < due.length; i++) {
            send("alarms", "t" + i, Map.of(TimerProperties.DELIVER_MS, Long.toString(due[i])));
        }

        awaitCount("alarms", due.length);

        var out = delivered("alarms");
        assertThat(out).extracting(ScheduledDeliveryTest::body).containsExactly("t1", "t3", "t2", "t0");
        long worst = 0;
        for (var m : out) {
            long requested = due[Integer.parseInt(body(m).substring(1))];
            assertThat(m.storeTimestamp()).as("never early").isGreaterThanOrEqualTo(requested);
            worst = Math.max(worst, m.storeTimestamp() - requested);
        }
        log.info("timer lateness, worst of {}: {} ms", out.size(), worst);
    }

    @Test
    void messagesHeldWhenTheBrokerCrashesAreDeliveredOnceAfterTheRestart() {
        start(Duration.ofSeconds(1));
        send("orders", "level", Map.of(MessageProperties.DELAY_TIME_LEVEL, "1"));
        send("orders", "timer", Map.of(TimerProperties.DELAY_MS, "700"));
        store.lookMessageByOffset(0).orElseThrow();
        crash();

        start(Duration.ofSeconds(1));
        awaitCount("orders", 2);
        // A later message of the same queues is a barrier: once it is out, the earlier ones were settled.
        send("orders", "barrier-level", Map.of(MessageProperties.DELAY_TIME_LEVEL, "1"));
        send("orders", "barrier-timer", Map.of(TimerProperties.DELAY_MS, "1000"));
        awaitCount("orders", 4);

        assertThat(delivered("orders")).extracting(ScheduledDeliveryTest::body)
                .containsExactlyInAnyOrder("level", "timer", "barrier-level", "barrier-timer");
    }

    @Test
    void aCrashAfterTheRePutButBeforeTheProgressIsWrittenDoesNotDeliverTwice() {
        start(NEVER); // the progress is never written while running: every delivery is in the window
        send("orders", "level", Map.of(MessageProperties.DELAY_TIME_LEVEL, "1"));
        send("orders", "timer", Map.of(TimerProperties.DELAY_MS, "200"));
        awaitCount("orders", 2);
        crash();

        start(NEVER);
        send("orders", "barrier-level", Map.of(MessageProperties.DELAY_TIME_LEVEL, "1"));
        send("orders", "barrier-timer", Map.of(TimerProperties.DELAY_MS, "1100"));
        awaitCount("orders", 4);

        assertThat(delivered("orders")).extracting(ScheduledDeliveryTest::body)
                .containsExactly("timer", "level", "barrier-level", "barrier-timer");
    }

    @Test
    void aSecondCrashBeforeTheFirstWindowIsSettledStillFindsTheCopies() {
        start(NEVER);
        send("orders", "level", Map.of(MessageProperties.DELAY_TIME_LEVEL, "1"));
        awaitCount("orders", 1);
        crash();
        start(Duration.ofMillis(1)); // writes the progress as often as it can
        send("orders", "barrier-1", Map.of(MessageProperties.DELAY_TIME_LEVEL, "1"));
        awaitCount("orders", 2);
        crash();

        start(Duration.ofMillis(1));
        send("orders", "barrier-2", Map.of(MessageProperties.DELAY_TIME_LEVEL, "1"));
        awaitCount("orders", 3);

        assertThat(delivered("orders")).extracting(ScheduledDeliveryTest::body)
                .containsExactly("level", "barrier-1", "barrier-2");
    }

    @Test
    void aGracefulStopKeepsTheProgressAndWaitingMessages() {
        start(NEVER);
        send("orders", "early", Map.of(MessageProperties.DELAY_TIME_LEVEL, "1"));
        awaitCount("orders", 1);
        send("orders", "late", Map.of(MessageProperties.DELAY_TIME_LEVEL, "2"));
        gracefulStop();

        assertThat(new ScheduleProgress(dir).load().queues())
                .hasEntrySatisfying(new io.mq.broker.store.TopicQueue(ScheduleTopics.LEVELS, 0),
                        d -> assertThat(d.low()).isEqualTo(1));
        start(NEVER);
        awaitCount("orders", 2);

        assertThat(delivered("orders")).extracting(ScheduledDeliveryTest::body).containsExactly("early", "late");
    }

    @Test
    void delayOffsetBodyHasRocketMqsShape() {
        var body = new String(ScheduleProcessors.delayOffsetBody(new java.util.TreeMap<>(Map.of(1, 4L, 2, 0L))),
                StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\"offsetTable\":{\"1\":4,\"2\":0}}");
    }
}
