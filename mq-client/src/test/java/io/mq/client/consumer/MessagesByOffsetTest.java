package io.mq.client.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.client.MessageView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MessagesByOffsetTest {

    @Test
    void behavesLikeATreeMapWithStartTimesUnderRandomOperations() {
        for (long seed = 0; seed < 20; seed++) {
            var random = new Random(seed);
            var actual = new MessagesByOffset(4);
            var expected = new TreeMap<Long, MessageView>();
            var starts = new HashMap<Long, Long>();
            long next = random.nextInt(100);
            for (int step = 0; step < 5_000; step++) {
                int op = random.nextInt(100);
                if (op < 35) { // a pull: ascending offsets past the highest, sometimes with a gap
                    int count = 1 + random.nextInt(8);
                    for (int i = 0; i < count; i++) {
                        next += 1 + (random.nextInt(10) == 0 ? random.nextInt(5) : 0);
                        put(actual, expected, starts, next);
                    }
                } else if (op < 40) { // anywhere: a message put back in front, a duplicate, a re-pull
                    long offset = expected.isEmpty() ? next : expected.firstKey() - 3 + random.nextInt(10);
                    put(actual, expected, starts, Math.max(0, offset));
                } else if (op < 75) { // consumption, mostly near the front
                    int count = 1 + random.nextInt(8);
                    for (int i = 0; i < count; i++) {
                        long offset = pick(random, expected, next);
                        var removed = expected.remove(offset);
                        starts.remove(offset);
                        assertThat(actual.remove(offset)).isSameAs(removed);
                    }
                } else if (op < 85) {
                    long offset = pick(random, expected, next);
                    long start = random.nextInt(1000);
                    boolean held = expected.containsKey(offset);
                    if (held) {
                        starts.put(offset, start);
                    }
                    assertThat(actual.started(offset, start)).isEqualTo(held);
                } else if (op < 90) { // orderly take
                    if (!expected.isEmpty()) {
                        long first = expected.firstKey();
                        assertThat(actual.firstOffset()).isEqualTo(first);
                        assertThat(actual.remove(first)).isSameAs(expected.remove(first));
                        starts.remove(first);
                    }
                } else if (op < 91) {
                    actual.clear();
                    expected.clear();
                    starts.clear();
                } else {
                    long offset = pick(random, expected, next);
                    assertThat(actual.get(offset)).isSameAs(expected.get(offset));
                    assertThat(actual.startOf(offset)).isEqualTo(starts.getOrDefault(offset,
                            MessagesByOffset.NOT_STARTED));
                }
                assertSame(actual, expected, starts, random.nextInt(1000));
            }
        }
    }

    @Test
    void emptyHasNoFirstOrLastOffset() {
        var empty = new MessagesByOffset(4);
        assertThatThrownBy(empty::firstOffset).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(empty::lastOffset).isInstanceOf(NoSuchElementException.class);
        assertThat(empty.remove(3)).isNull();
        assertThat(empty.get(3)).isNull();
    }

    @Test
    void aReplacedMessageKeepsItsStartAndAReAddedOneStartsOver() {
        var map = new MessagesByOffset(4);
        map.put(5, message(5));
        map.put(6, message(6));
        map.put(7, message(7));
        map.started(6, 42);
        assertThat(map.put(6, message(6))).as("replaced").isFalse();
        assertThat(map.startOf(6)).isEqualTo(42);
        map.remove(6);
        assertThat(map.put(6, message(6))).as("new again").isTrue();
        assertThat(map.startOf(6)).isEqualTo(MessagesByOffset.NOT_STARTED);
    }

    @Test
    void aStuckFirstMessageDoesNotLetClearedSlotsGrowWithoutBound() {
        var map = new MessagesByOffset(4);
        map.put(0, message(0)); // never consumed
        for (long offset = 1; offset < 100_000; offset++) {
            map.put(offset, message(offset));
            map.remove(offset);
        }
        assertThat(map.size()).isEqualTo(1);
        assertThat(map.firstOffset()).isZero();
        assertThat(map.lastOffset()).isZero();
        assertThat(capacity(map)).isLessThanOrEqualTo(8);
    }

    private static int capacity(MessagesByOffset map) {
        try {
            var field = MessagesByOffset.class.getDeclaredField("offsets");
            field.setAccessible(true);
            return ((long[]) field.get(map)).length;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void put(MessagesByOffset actual, TreeMap<Long, MessageView> expected, Map<Long, Long> starts,
            long offset) {
        var m = message(offset);
        var previous = expected.put(offset, m);
        if (previous == null) {
            starts.remove(offset);
        }
        assertThat(actual.put(offset, m)).isEqualTo(previous == null);
    }

    private static long pick(Random random, TreeMap<Long, MessageView> expected, long next) {
        if (expected.isEmpty() || random.nextInt(10) == 0) {
            return random.nextLong(next + 2);
        }
        var keys = new ArrayList<>(expected.keySet());
        int index = random.nextInt(4) == 0 ? random.nextInt(keys.size()) : Math.min(keys.size() - 1, random.nextInt(3));
        return keys.get(index);
    }

    private static void assertSame(MessagesByOffset actual, TreeMap<Long, MessageView> expected,
            Map<Long, Long> starts, long deadline) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.isEmpty()).isEqualTo(expected.isEmpty());
        if (!expected.isEmpty()) {
            assertThat(actual.firstOffset()).isEqualTo(expected.firstKey());
            assertThat(actual.lastOffset()).isEqualTo(expected.lastKey());
        }
        var all = new ArrayList<MessageView>();
        actual.forEach(all::add);
        assertThat(all).containsExactlyElementsOf(expected.values());
        var startedBefore = new ArrayList<MessageView>();
        actual.forEachStartedBefore(deadline, startedBefore::add);
        List<MessageView> wanted = expected.entrySet().stream()
                .filter(e -> starts.containsKey(e.getKey()) && starts.get(e.getKey()) < deadline)
                .map(Map.Entry::getValue).toList();
        assertThat(startedBefore).containsExactlyElementsOf(wanted);
    }

    private static MessageView message(long offset) {
        return new MessageView("T", new byte[3], Map.of(), "id" + offset, "off" + offset, "b", 0, offset,
                offset * 100, 0, 0, 0, null, 0, null, 0, 0);
    }
}
