package io.mq.broker.transaction;

import java.util.HashMap;
import java.util.Map;

/**
 * What the broker knows about open and ended transactions, keyed by a transaction's origin: the half queue offset of
 * its first copy. Everything here can be rebuilt from the commit log (see {@link TransactionRecovery}); it exists
 * so an END and the check scan decide without re-reading the op queue.
 *
 * <p>The invariant that keeps it small: every open transaction has exactly one <em>current copy</em> at or after
 * the scan position (its first copy, or the latest copy the check re-put at the tail); once the scan passes the
 * current copy of an ended transaction, the transaction is forgotten, and an END for any of its copies after that
 * is known to be a repeat because no copy of it is left ahead of the scan. Not thread-safe: the
 * {@link TransactionalMessageService} holds its lock around every use.
 */
final class TransactionLedger {

    /** origin -> half offset of the copy the check re-put last (only for transactions checked at least once). */
    private final Map<Long, Long> reputCopies = new HashMap<>();
    /** origin -> op queue offset of the record that ended it; kept until the scan passes its current copy. */
    private final Map<Long, Long> ended = new HashMap<>();
    /** The half queue offset the scan reads next: every copy below it has been decided. */
    private long scanPosition;
    /** One past the last op record this broker wrote or recovered. */
    private long opEnd;

    void reset(long scanPosition, long opEnd) {
        reputCopies.clear();
        ended.clear();
        this.scanPosition = scanPosition;
        this.opEnd = opEnd;
    }

    long scanPosition() {
        return scanPosition;
    }

    void advanceScan(long position) {
        scanPosition = Math.max(scanPosition, position);
    }

    long currentCopy(long origin) {
        return reputCopies.getOrDefault(origin, origin);
    }

    boolean isCurrentCopy(long origin, long halfOffset) {
        return currentCopy(origin) == halfOffset;
    }

    boolean isEnded(long origin) {
        return ended.containsKey(origin);
    }

    /**
     * Whether the transaction still has a copy the scan has not passed. False for one that ended (or was discarded)
     * and was forgotten: an END for it now is a repeat.
     */
    boolean isOpen(long origin) {
        return currentCopy(origin) >= scanPosition;
    }

    void recordReput(long origin, long copyOffset) {
        reputCopies.put(origin, copyOffset);
    }

    void recordEnded(long origin, long opQueueOffset) {
        ended.putIfAbsent(origin, opQueueOffset);
        opEnd = Math.max(opEnd, opQueueOffset + 1);
    }

    /** The scan passed the transaction's current copy with nothing left to do: drop what was kept for it. */
    void forget(long origin) {
        reputCopies.remove(origin);
        ended.remove(origin);
    }

    /** The op queue offset below which no record is needed any more (the op consume offset to commit). */
    long opLowWatermark() {
        long low = opEnd;
        for (long opOffset : ended.values()) {
            low = Math.min(low, opOffset);
        }
        return low;
    }

    /** Forgets ended transactions the scan already passed (after a recovery that read more than needed). */
    void dropPassed() {
        ended.keySet().removeIf(origin -> !isOpen(origin));
        reputCopies.keySet().removeIf(origin -> reputCopies.get(origin) < scanPosition);
    }

    int endedCount() {
        return ended.size();
    }

    int reputCount() {
        return reputCopies.size();
    }
}
