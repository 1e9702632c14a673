package io.mq.spring.transaction;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fence table's settings under {@code mq.transaction.*}, beside those {@code MqProperties.Transaction} holds
 * (producer-group, check-threads, table-name, cleanup-horizon).
 */
@ConfigurationProperties("mq.transaction")
public class MqTransactionProperties {

    /** Create the transaction table at startup unless it exists (CREATE TABLE IF NOT EXISTS). */
    private boolean initializeSchema = true;

    /**
     * How long a check-back waits for a database transaction that holds the message's row before answering UNKNOWN
     * (the broker asks again later). MariaDB and MySQL round it up to whole seconds.
     */
    private Duration checkLockTimeout = Duration.ofMillis(500);

    /** How often rows older than the cleanup horizon are deleted. */
    private Duration cleanupInterval = Duration.ofHours(1);

    /** Rows deleted per statement by the cleanup. */
    private int cleanupBatchSize = 1000;

    public boolean isInitializeSchema() {
        return initializeSchema;
    }

    public void setInitializeSchema(boolean initializeSchema) {
        this.initializeSchema = initializeSchema;
    }

    public Duration getCheckLockTimeout() {
        return checkLockTimeout;
    }

    public void setCheckLockTimeout(Duration checkLockTimeout) {
        this.checkLockTimeout = checkLockTimeout;
    }

    public Duration getCleanupInterval() {
        return cleanupInterval;
    }

    public void setCleanupInterval(Duration cleanupInterval) {
        this.cleanupInterval = cleanupInterval;
    }

    public int getCleanupBatchSize() {
        return cleanupBatchSize;
    }

    public void setCleanupBatchSize(int cleanupBatchSize) {
        this.cleanupBatchSize = cleanupBatchSize;
    }
}
