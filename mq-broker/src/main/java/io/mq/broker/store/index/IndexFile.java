package io.mq.broker.store.index;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One memory-mapped index file: a header, a table of hash slots and a run of entries. Each slot holds the number
 * of the newest entry whose key hashes there; each entry links to the previous entry of its slot, so a lookup
 * walks one chain from new to old (RocketMQ's IndexFile, with exact store times instead of second deltas).
 * Not thread-safe: {@link MessageIndex} serializes the writer against readers.
 *
 * <pre>
 * header  magic:int slotCount:int maxEntries:int entryCount:int beginTime:long endTime:long
 *         beginOffset:long endOffset:long coveredOffset:long                      (56 bytes)
 * slots   newestEntry:int * slotCount                                             (0 = empty)
 * entries keyHash:int commitLogOffset:long storeTime:long previousEntry:int       (24 bytes, numbered from 1)
 * </pre>
 */
final class IndexFile {
    static final int HEADER_SIZE = 56;
    static final int SLOT_SIZE = 4;
    static final int ENTRY_SIZE = 24;
    private static final int MAGIC = 0x1D3E0F01;
    private static final int ENTRY_COUNT = 12;
    private static final int BEGIN_TIME = 16;
    private static final int END_TIME = 24;
    private static final int BEGIN_OFFSET = 32;
    private static final int END_OFFSET = 40;
    private static final int COVERED_OFFSET = 48;

    private final Path file;
    private final long startOffset;
    private final int slotCount;
    private final int maxEntries;
    private final MappedByteBuffer buffer;
    private int entryCount;

    private IndexFile(Path file, long startOffset, int slotCount, int maxEntries, MappedByteBuffer buffer) {
        this.file = file;
        this.startOffset = startOffset;
        this.slotCount = slotCount;
        this.maxEntries = maxEntries;
        this.buffer = buffer;
        this.entryCount = buffer.getInt(ENTRY_COUNT);
    }

    static long fileSize(int slotCount, int maxEntries) {
        return HEADER_SIZE + (long) slotCount * SLOT_SIZE + (long) maxEntries * ENTRY_SIZE;
    }

    static String fileName(long startOffset) {
        return String.format("%020d", startOffset);
    }

    /** A new empty file for records from {@code startOffset} on. */
    static IndexFile create(Path dir, long startOffset, IndexConfig config) {
        var path = dir.resolve(fileName(startOffset));
        var buffer = map(path, fileSize(config.slotCount(), config.maxEntriesPerFile()));
        buffer.putInt(0, MAGIC).putInt(4, config.slotCount()).putInt(8, config.maxEntriesPerFile())
                .putInt(ENTRY_COUNT, 0).putLong(COVERED_OFFSET, startOffset);
        return new IndexFile(path, startOffset, config.slotCount(), config.maxEntriesPerFile(), buffer);
    }

    /** Maps an existing file with the sizes its header records; null if it is not an index file. */
    static IndexFile open(Path path) {
        long startOffset = Long.parseLong(path.getFileName().toString());
        try (var raf = new RandomAccessFile(path.toFile(), "r")) {
            if (raf.length() < HEADER_SIZE || raf.readInt() != MAGIC) {
                return null;
            }
            int slots = raf.readInt();
            int entries = raf.readInt();
            if (slots < 1 || entries < 1 || raf.length() != fileSize(slots, entries)) {
                return null;
            }
            var indexFile = new IndexFile(path, startOffset, slots, entries, map(path, raf.length()));
            indexFile.repairSlots();
            return indexFile;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static MappedByteBuffer map(Path path, long size) {
        try (var raf = new RandomAccessFile(path.toFile(), "rw"); var channel = raf.getChannel()) {
            if (raf.length() != size) {
                raf.setLength(size);
            }
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + path, e);
        }
    }

    /**
     * After a crash the slot table may have reached the disk ahead of the entry count: a slot naming an entry
     * past the count is walked back along its chain to the newest entry the count covers.
     */
    private void repairSlots() {
        if (entryCount < 0 || entryCount > maxEntries) {
            entryCount = 0;
            buffer.putInt(ENTRY_COUNT, 0);
        }
        for (int slot = 0; slot < slotCount; slot++) {
            int entry = buffer.getInt(slotPosition(slot));
            int repaired = entry;
            while (repaired > entryCount) {
                int previous = repaired <= maxEntries ? buffer.getInt(entryPosition(repaired) + 20) : 0;
                repaired = previous < repaired ? previous : 0;
            }
            if (repaired != entry) {
                buffer.putInt(slotPosition(slot), Math.max(repaired, 0));
            }
        }
    }

    boolean isFull() {
        return entryCount >= maxEntries;
    }

    boolean isEmpty() {
        return entryCount == 0;
    }

    /** Adds an entry; the caller checks {@link #isFull()} first. The count is written last. */
    void put(int hash, long commitLogOffset, long storeTime) {
        int number = entryCount + 1;
        int slotPosition = slotPosition(hash % slotCount);
        int entryPosition = entryPosition(number);
        buffer.putInt(entryPosition, hash)
                .putLong(entryPosition + 4, commitLogOffset)
                .putLong(entryPosition + 12, storeTime)
                .putInt(entryPosition + 20, buffer.getInt(slotPosition));
        buffer.putInt(slotPosition, number);
        if (number == 1) {
            buffer.putLong(BEGIN_TIME, storeTime).putLong(BEGIN_OFFSET, commitLogOffset);
        }
        buffer.putLong(END_TIME, storeTime).putLong(END_OFFSET, commitLogOffset);
        entryCount = number;
        buffer.putInt(ENTRY_COUNT, number);
    }

    /**
     * Adds to {@code out} (until it holds {@code max}) the offsets of entries with this hash stored within
     * [{@code begin}, {@code end}], newest first. A chain runs from new to old, so it stops at the first older one.
     */
    void collect(int hash, long begin, long end, int max, List<Long> out) {
        int number = buffer.getInt(slotPosition(hash % slotCount));
        while (number > 0 && number <= entryCount && out.size() < max) {
            int position = entryPosition(number);
            long storeTime = buffer.getLong(position + 12);
            if (storeTime < begin) {
                return;
            }
            if (buffer.getInt(position) == hash && storeTime <= end) {
                out.add(buffer.getLong(position + 4));
            }
            int previous = buffer.getInt(position + 20);
            number = previous < number ? previous : 0; // a link always points back; anything else is damage
        }
    }

    /**
     * Removes the entries that point at or beyond {@code commitLogEnd} (a truncated commit log), newest first,
     * giving each slot back the entry it named before. Returns whether any entry is left.
     */
    boolean truncateBeyond(long commitLogEnd) {
        while (entryCount > 0) {
            int position = entryPosition(entryCount);
            if (buffer.getLong(position + 4) < commitLogEnd) {
                break;
            }
            int slotPosition = slotPosition(buffer.getInt(position) % slotCount);
            if (buffer.getInt(slotPosition) == entryCount) {
                buffer.putInt(slotPosition, buffer.getInt(position + 20));
            }
            entryCount--;
            buffer.putInt(ENTRY_COUNT, entryCount);
        }
        if (entryCount > 0) {
            int last = entryPosition(entryCount);
            buffer.putLong(END_TIME, buffer.getLong(last + 12)).putLong(END_OFFSET, buffer.getLong(last + 4));
        }
        buffer.putLong(COVERED_OFFSET, Math.min(coveredOffset(), commitLogEnd));
        return entryCount > 0;
    }

    boolean overlaps(long begin, long end) {
        return entryCount > 0 && beginTimestamp() <= end && endTimestamp() >= begin;
    }

    long beginTimestamp() {
        return buffer.getLong(BEGIN_TIME);
    }

    long endTimestamp() {
        return buffer.getLong(END_TIME);
    }

    long endOffset() {
        return buffer.getLong(END_OFFSET);
    }

    /** The commit-log offset after the last record this index has looked at (indexed or not). */
    long coveredOffset() {
        return buffer.getLong(COVERED_OFFSET);
    }

    void coverTo(long commitLogOffset) {
        buffer.putLong(COVERED_OFFSET, commitLogOffset);
    }

    /** The commit-log offset this file's records start at (its name). */
    long startOffset() {
        return startOffset;
    }

    int entryCount() {
        return entryCount;
    }

    void flush() {
        buffer.force();
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    Path path() {
        return file;
    }

    private static int slotPosition(int slot) {
        return HEADER_SIZE + slot * SLOT_SIZE;
    }

    private int entryPosition(int number) {
        return HEADER_SIZE + slotCount * SLOT_SIZE + (number - 1) * ENTRY_SIZE;
    }
}
