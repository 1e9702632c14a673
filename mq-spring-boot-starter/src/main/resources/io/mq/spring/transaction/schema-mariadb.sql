-- The transaction fence: one row per half message sent in a database transaction (state COMMITTED, written by that
-- transaction) or fenced by a check-back that found none (state ROLLED_BACK). created_at is epoch millis.
-- InnoDB: its row locks on the primary key are what makes the fence exact.
CREATE TABLE IF NOT EXISTS ${table} (
    transaction_id VARCHAR(128) NOT NULL,
    producer_group VARCHAR(255) NOT NULL,
    state VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (transaction_id),
    INDEX ${index}_created_at (created_at)
) ENGINE = InnoDB;
