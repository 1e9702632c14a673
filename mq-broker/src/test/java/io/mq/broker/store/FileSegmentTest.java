package io.mq.broker.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSegmentTest {
    private static final int SIZE = 64 * 1024;

    @TempDir
    Path dir;

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.US_ASCII.decode(buffer.flip()).toString();
    }

    @Test
    void readersSeeOnlyWhatTheWriterPublished() {
        var segment = FileSegment.create(dir, 0, SIZE);
        segment.write(0, bytes("hello world"));

        assertThat(segment.readFully(0, ByteBuffer.allocate(5))).isFalse();

        segment.advanceTo(11);
        var read = ByteBuffer.allocate(5);
        assertThat(segment.readFully(6, read)).isTrue();
        assertThat(text(read)).isEqualTo("world");
        assertThat(segment.readFully(6, ByteBuffer.allocate(6))).isFalse(); // one byte above the write position
        var upToEnd = ByteBuffer.allocateDirect(100);
        assertThat(segment.read(0, upToEnd)).isEqualTo(11);
        segment.close();
    }

    @Test
    void truncateZeroesEverythingAfterTheCutAndKeepsTheFileSize() throws Exception {
        var segment = FileSegment.create(dir, 0, SIZE);
        segment.write(0, bytes("keep this|stale record"));
        segment.advanceTo(22);
        segment.flush();

        segment.truncate(9);
        segment.close();

        var file = dir.resolve(Segment.fileName(0));
        assertThat(Files.size(file)).isEqualTo(SIZE);
        var content = Files.readAllBytes(file);
        assertThat(new String(content, 0, 9, StandardCharsets.US_ASCII)).isEqualTo("keep this");
        assertThat(Arrays.copyOfRange(content, 9, SIZE)).containsOnly(0);
        var reopened = FileSegment.open(file, SIZE);
        assertThat(reopened.writePosition()).isEqualTo(SIZE); // recovery decides where data ends
        reopened.close();
    }

    @Test
    void anInterruptedThreadNeitherBreaksTheFileNorLosesItsInterrupt() {
        var segment = FileSegment.create(dir, 0, SIZE);
        segment.write(0, bytes("before"));
        segment.advanceTo(6);

        Thread.currentThread().interrupt(); // a FileChannel closes itself when an interrupted thread uses it
        var read = ByteBuffer.allocate(6);
        boolean readWhileInterrupted = segment.readFully(0, read);
        boolean stillInterrupted = Thread.interrupted();

        assertThat(readWhileInterrupted).isTrue();
        assertThat(text(read)).isEqualTo("before");
        assertThat(stillInterrupted).isTrue();
        segment.write(6, bytes("+after"));
        segment.advanceTo(12);
        assertThat(segment.flush()).isTrue();
        var all = ByteBuffer.allocate(12);
        assertThat(segment.readFully(0, all)).isTrue();
        assertThat(text(all)).isEqualTo("before+after");
        segment.close();
    }

    @Test
    void aFileCutShortByAnUnfinishedTruncateIsExtendedOnOpen() throws Exception {
        var file = dir.resolve(Segment.fileName(SIZE));
        Files.write(file, "short".getBytes(StandardCharsets.US_ASCII));

        var segment = FileSegment.open(file, SIZE);

        assertThat(Files.size(file)).isEqualTo(SIZE);
        assertThat(segment.startOffset()).isEqualTo(SIZE);
        var read = ByteBuffer.allocate(7);
        assertThat(segment.readFully(0, read)).isTrue();
        assertThat(read.array()).containsExactly('s', 'h', 'o', 'r', 't', 0, 0);
        segment.close();
    }

    @Test
    void aClosedSegmentReadsNothing() {
        var segment = FileSegment.create(dir, 0, SIZE);
        segment.write(0, bytes("gone"));
        segment.advanceTo(4);

        segment.close();

        assertThat(segment.readFully(0, ByteBuffer.allocate(4))).isFalse();
        assertThat(segment.read(0, ByteBuffer.allocate(4))).isEqualTo(-1);
    }

    @Test
    void zerosFilledAheadNeverOverwriteWhatTheWriterWrote() throws Exception {
        int size = 2 * 1024 * 1024;
        var segment = FileSegment.create(dir, 0, size);
        var expected = new byte[size];
        var random = new Random(7);
        var writerDone = new AtomicBoolean();
        // Tiny pieces of zeros, just ahead of the writer, so that filler and writer meet as often as they can.
        var filler = new Thread(() -> {
            var zeros = ByteBuffer.allocateDirect(97);
            while (!writerDone.get() && segment.zeroedTo() < size) {
                segment.fillZeros(segment.writePosition() + 4096, zeros);
            }
        });
        filler.start();
        int position = 0;
        while (position < size) {
            var record = new byte[Math.min(size - position, 1 + random.nextInt(300))];
            for (int i = 0; i < record.length; i++) {
                record[i] = (byte) (1 + random.nextInt(255)); // never zero: an overwrite by the filler shows
            }
            System.arraycopy(record, 0, expected, position, record.length);
            segment.write(position, ByteBuffer.wrap(record));
            position += record.length;
            segment.advanceTo(position);
        }
        writerDone.set(true);
        filler.join();

        var read = ByteBuffer.allocate(size);
        assertThat(segment.readFully(0, read)).isTrue();
        assertThat(read.array()).isEqualTo(expected);
        assertThat(Files.readAllBytes(segment.file())).isEqualTo(expected);
    }

    @Test
    void zeroFillingStopsAtTheSegmentEndAndStartsAgainAtATruncation() throws Exception {
        var segment = FileSegment.create(dir, 0, SIZE);
        segment.write(0, bytes("kept"));
        segment.advanceTo(4);

        assertThat(segment.fillZeros(SIZE * 2, ByteBuffer.allocateDirect(1000))).isEqualTo(SIZE);
        segment.fdatasync();
        assertThat(Files.size(segment.file())).isEqualTo(SIZE);

        segment.truncate(2);
        assertThat(segment.zeroedTo()).isEqualTo(2);
        assertThat(segment.fillZeros(100, ByteBuffer.allocateDirect(1000))).isEqualTo(100);
        var read = ByteBuffer.allocate(2);
        assertThat(segment.readFully(0, read)).isTrue();
        assertThat(text(read)).isEqualTo("ke");
        var file = Files.readAllBytes(segment.file());
        assertThat(Arrays.copyOfRange(file, 2, SIZE)).containsOnly((byte) 0);
    }
}
