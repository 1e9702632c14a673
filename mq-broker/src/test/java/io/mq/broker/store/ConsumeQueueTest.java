package io.mq.broker.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueTest {
    @TempDir
    Path dir;

    private ConsumeQueue open() {
        var queue = new ConsumeQueue(new TopicQueue("T", 0), dir, 4);
        queue.load();
        return queue;
    }

    @Test
    void entriesSpanFilesAndSurviveAReload() {
        var queue = open();
        for (int i = 0; i < 10; i++) {
            assertThat(queue.put(i, 1000L * i, 100 + i, i)).isTrue();
        }
        queue.flush();

        var reopened = open();

        assertThat(reopened.minOffset()).isZero();
        assertThat(reopened.maxOffset()).isEqualTo(10);
        assertThat(reopened.entries(3, 5)).containsExactly(
                new ConsumeQueueEntry(3, 3000, 103, 3), new ConsumeQueueEntry(4, 4000, 104, 4),
                new ConsumeQueueEntry(5, 5000, 105, 5), new ConsumeQueueEntry(6, 6000, 106, 6),
                new ConsumeQueueEntry(7, 7000, 107, 7));
        assertThat(dir.resolve("00000000000000000080")).exists();
        assertThat(reopened.entry(10)).isNull();
    }

    @Test
    void putIsIdempotentForEntriesAlreadyThere() {
        var queue = open();
        queue.put(0, 0, 50, 0);
        queue.put(1, 50, 50, 0);

        assertThat(queue.put(0, 999, 1, 1)).isFalse();
        assertThat(queue.entry(0).commitLogOffset()).isZero();
        assertThat(queue.maxOffset()).isEqualTo(2);
    }

    @Test
    void aQueueFirstSeenAboveZeroStartsThere() {
        var queue = open();

        queue.put(6, 0, 10, 0);
        queue.put(7, 10, 10, 0);

        assertThat(queue.minOffset()).isEqualTo(6);
        assertThat(queue.maxOffset()).isEqualTo(8);
        assertThat(queue.entries(0, 10)).extracting(ConsumeQueueEntry::logicalOffset).containsExactly(6L, 7L);
        var reopened = open();
        assertThat(reopened.minOffset()).isEqualTo(6);
        assertThat(reopened.maxOffset()).isEqualTo(8);
    }

    @Test
    void truncationDropsEntriesWhoseMessageIsBeyondTheLogEnd() {
        var queue = open();
        for (int i = 0; i < 9; i++) {
            queue.put(i, 100L * i, 100, 0);
        }

        long dropped = queue.truncateBeyond(550);

        assertThat(dropped).isEqualTo(4);
        assertThat(queue.maxOffset()).isEqualTo(5);
        assertThat(open().maxOffset()).isEqualTo(5);
        assertThat(dir.resolve("00000000000000000160")).doesNotExist();
    }

    @Test
    void segmentNamesAreTwentyDigitStartOffsets() {
        assertThat(MappedSegment.fileName(0)).isEqualTo("00000000000000000000");
        assertThat(MappedSegment.fileName(1073741824L)).isEqualTo("00000000001073741824");
    }
}
