package io.mq.broker.store.index;

/**
 * Size of each index file: hash slots (4 bytes each) and entries (24 bytes each). A file is full when it holds
 * {@code maxEntriesPerFile} entries; the next one starts. Files are sparse until written.
 *
 * @param slotCount         buckets of the hash table; more slots means shorter chains to walk per lookup
 * @param maxEntriesPerFile keys a file holds before the index rolls to a new file
 */
public record IndexConfig(int slotCount, int maxEntriesPerFile) {

    /** About 50 MB per file (RocketMQ uses 5 M slots and 20 M entries, 420 MB): 2 M keys. */
    public static final IndexConfig DEFAULTS = new IndexConfig(500_000, 2_000_000);

    public IndexConfig {
        if (slotCount < 1 || maxEntriesPerFile < 1) {
            throw new IllegalArgumentException("slot and entry counts must be positive");
        }
        if (IndexFile.fileSize(slotCount, maxEntriesPerFile) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an index file must stay below 2 GiB");
        }
    }
}
