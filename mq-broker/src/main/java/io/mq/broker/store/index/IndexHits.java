package io.mq.broker.store.index;

import java.util.List;

/**
 * What the index found for a key: candidate commit-log offsets (ascending; a different key with the same hash
 * can be among them, so callers check the message) and how current the index was, for QUERY_MESSAGE's header.
 *
 * @param lastUpdateTimestamp store time of the newest indexed message, 0 if none
 * @param lastUpdateOffset    commit-log offset of the newest indexed message, 0 if none
 */
public record IndexHits(List<Long> commitLogOffsets, long lastUpdateTimestamp, long lastUpdateOffset) {

    public IndexHits {
        commitLogOffsets = List.copyOf(commitLogOffsets);
    }

    public static final IndexHits NONE = new IndexHits(List.of(), 0, 0);
}
