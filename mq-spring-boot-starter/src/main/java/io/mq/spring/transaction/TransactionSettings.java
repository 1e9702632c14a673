package io.mq.spring.transaction;

import java.time.Duration;

/**
 * How transactional messages are set up.
 *
 * @param producerGroup    group of {@code sendInTransaction} without a group
 * @param table            the fence table, in the data source of each group's transaction manager
 * @param initializeSchema create the table at startup unless it exists
 * @param checkLockTimeout how long a check-back waits on a running transaction before answering UNKNOWN
 * @param checkThreads     threads answering check-backs, per producer group
 * @param retention        how long fence rows are kept; longer than the broker checks a half message
 * @param cleanupInterval  how often old rows are deleted
 * @param cleanupBatchSize rows deleted per statement
 */
public record TransactionSettings(String producerGroup, String table, boolean initializeSchema,
        Duration checkLockTimeout, int checkThreads, Duration retention, Duration cleanupInterval,
        int cleanupBatchSize) {

    public TransactionSettings {
        SqlTables.checkName(table);
        if (producerGroup == null || producerGroup.isBlank()) {
            throw new IllegalArgumentException("a transactional producer group is required");
        }
        if (checkThreads < 1) {
            throw new IllegalArgumentException("checkThreads must be at least 1");
        }
    }
}
