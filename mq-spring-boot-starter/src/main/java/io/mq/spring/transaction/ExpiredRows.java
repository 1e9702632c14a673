package io.mq.spring.transaction;

import java.time.Instant;

/** A table whose old rows are deleted in batches by {@link ExpiredRowsCleaner}. */
public interface ExpiredRows {

    /** Deletes at most {@code batch} rows created before {@code horizon}; returns how many went. */
    int deleteOlderThan(Instant horizon, int batch);

    /** The table's name, for logs. */
    String table();
}
