package io.mq.spring.dedup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Consumer deduplication under {@code mq.dedup.*} (opt-in). */
@ConfigurationProperties("mq.dedup")
public class MqDedupProperties {

    /** Provide an {@link MqDeduplicator} bean backed by a table in the application's data source. */
    private boolean enabled;

    /** Table of the message keys each consumer group has handled. */
    private String tableName = "mq_dedup";

    /** Create the table at startup unless it exists (CREATE TABLE IF NOT EXISTS). */
    private boolean initializeSchema = true;

    /** How long a handled key is remembered; a duplicate arriving later is handled again. */
    private Duration retention = Duration.ofDays(7);

    /** How often keys older than the retention are deleted. */
    private Duration cleanupInterval = Duration.ofHours(1);

    /** Rows deleted per statement by the cleanup. */
    private int cleanupBatchSize = 1000;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isInitializeSchema() {
        return initializeSchema;
    }

    public void setInitializeSchema(boolean initializeSchema) {
        this.initializeSchema = initializeSchema;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
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
