package io.mq.client.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.client.MessageView;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.message.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consumer's pieces on their own: allocation, process queue, start offsets, subscriptions, local offsets. */
class ConsumerPartsTest {

    @TempDir
    Path dir;

    @Test
    void averageAllocationGivesContiguousBlocksAndTheFirstConsumersTheRemainder() {
        var queues = IntStream.range(0, 5).mapToObj(i -> new MessageQueue("T", "b", i)).toList();
        var ids = List.of("c2", "c1");
        assertThat(QueueAllocation.averagely("c1", ids, queues)).extracting(MessageQueue::queueId)
                .containsExactly(0, 1, 2);
        assertThat(QueueAllocation.averagely("c2", ids, queues)).extracting(MessageQueue::queueId)
                .containsExactly(3, 4);
        assertThat(QueueAllocation.averagely("c3", List.of("c1", "c2", "c3", "c4", "c5", "c6"), queues))
                .extracting(MessageQueue::queueId).containsExactly(2);
        assertThat(QueueAllocation.averagely("c6", List.of("c1", "c2", "c3", "c4", "c5", "c6"), queues)).isEmpty();
        assertThat(QueueAllocation.averagely("stranger", ids, queues)).isEmpty();
    }

    @Test
    void processQueueCommitsTheSmallestOffsetStillInProcess() {
        var pq = new ProcessQueue(0);
        var messages = IntStream.range(0, 4).mapToObj(i -> message(10 + i, "T")).toList();
        pq.put(messages);
        assertThat(pq.count()).isEqualTo(4);
        assertThat(pq.bytes()).isEqualTo(4 * 3);
        assertThat(pq.remove(List.of(messages.get(1), messages.get(2)))).isEqualTo(10);
        assertThat(pq.remove(List.of(messages.get(0)))).isEqualTo(13);
        assertThat(pq.remove(List.of(messages.get(3)))).isEqualTo(14);
        assertThat(pq.isEmpty()).isTrue();
    }

    @Test
    void orderlyProcessQueueTakesInOrderAndPutsSuspendedMessagesBackInFront() {
        var pq = new ProcessQueue(0);
        var messages = IntStream.range(0, 3).mapToObj(i -> message(i, "T")).toList();
        assertThat(pq.put(messages)).isTrue();
        assertThat(pq.put(List.of(message(3, "T")))).as("a task is already running").isFalse();
        var batch = pq.take(2);
        assertThat(batch).extracting(MessageView::queueOffset).containsExactly(0L, 1L);
        pq.consumeAgain(batch);
        assertThat(pq.take(1)).extracting(MessageView::queueOffset).containsExactly(0L);
        assertThat(pq.commit()).isEqualTo(1);
        assertThat(pq.take(10)).extracting(MessageView::queueOffset).containsExactly(1L, 2L, 3L);
        assertThat(pq.commit()).isEqualTo(4);
        assertThat(pq.take(1)).isEmpty();
        assertThat(pq.put(List.of(message(4, "T")))).as("idle again after an empty take").isTrue();
    }

    @Test
    void startOffsetPrefersTheStoredOffsetThenFollowsConsumeFrom() {
        var queue = new MessageQueue("T", "b", 0);
        var retry = new MessageQueue("%RETRY%g", "b", 0);
        var bounds = new StartOffset.QueueBounds() {
            @Override
            public long maxOffset(MessageQueue q) {
                return 100;
            }

            @Override
            public long searchOffset(MessageQueue q, long timestamp) {
                return 42;
            }
        };
        var none = new FixedStore(-1);
        var now = Instant.now();
        assertThat(StartOffset.of(queue, new FixedStore(7), ConsumeFrom.LAST_OFFSET, now, bounds)).isEqualTo(7);
        assertThat(StartOffset.of(queue, none, ConsumeFrom.LAST_OFFSET, now, bounds)).isEqualTo(100);
        assertThat(StartOffset.of(retry, none, ConsumeFrom.LAST_OFFSET, now, bounds)).isZero();
        assertThat(StartOffset.of(queue, none, ConsumeFrom.FIRST_OFFSET, now, bounds)).isZero();
        assertThat(StartOffset.of(queue, none, ConsumeFrom.TIMESTAMP, now, bounds)).isEqualTo(42);
        assertThat(StartOffset.of(retry, none, ConsumeFrom.TIMESTAMP, now, bounds)).isEqualTo(100);
    }

    @Test
    void tagSubscriptionCarriesTagsAndHashCodesAndChecksTheTagItself() {
        var sub = TopicSubscription.of("T", MessageSelector.tag(" a || b ||"));
        var data = sub.toData();
        assertThat(data.tagsSet()).containsExactly("a", "b");
        assertThat(data.codeSet()).containsExactly("a".hashCode(), "b".hashCode());
        assertThat(data.expressionType()).isEqualTo(SubscriptionData.TAG);
        assertThat(sub.accepts(message(0, "a"))).isTrue();
        assertThat(sub.accepts(message(0, "c"))).isFalse();
        assertThat(TopicSubscription.of("T", MessageSelector.tag("*")).toData().subString()).isEqualTo("*");
        var sql = TopicSubscription.of("T", MessageSelector.sql("a > 1")).toData();
        assertThat(sql.expressionType()).isEqualTo(SubscriptionData.SQL92);
        assertThat(sql.subString()).isEqualTo("a > 1");
        assertThat(sql.tagsSet()).isEmpty();
    }

    @Test
    void localOffsetsAreReadBackByTheNextStore() {
        var store = new LocalFileOffsetStore(dir, "10.0.0.1@x", "g");
        var queue = new MessageQueue("T", "broker-a", 3);
        store.update(queue, 17, false);
        store.update(queue, 12, true);
        store.persist(List.of(queue));
        var next = new LocalFileOffsetStore(dir, "10.0.0.1@x", "g");
        assertThat(next.readStored(queue)).isEqualTo(-1);
        next.load();
        assertThat(next.readStored(queue)).isEqualTo(17);
        assertThat(next.read(queue)).isEqualTo(17);
    }

    private static MessageView message(long offset, String tag) {
        return new MessageView("T", "abc".getBytes(StandardCharsets.UTF_8), Map.of(MessageProperties.TAGS, tag),
                "id" + offset, "off" + offset, "b", 0, offset, offset * 100, 0, 0, 0, null, 0, null, 0, 0);
    }

    private static final class FixedStore extends MemoryOffsets {
        private final long stored;

        FixedStore(long stored) {
            this.stored = stored;
        }

        @Override
        public void load() {
        }

        @Override
        public long readStored(MessageQueue queue) {
            return stored;
        }

        @Override
        public void persist(java.util.Collection<MessageQueue> queues) {
        }
    }

}
