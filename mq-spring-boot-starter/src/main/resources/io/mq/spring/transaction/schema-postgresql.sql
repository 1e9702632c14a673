-- The transaction fence: one row per half message sent in a database transaction (state COMMITTED, written by that
-- transaction) or fenced by a check-back that found none (state ROLLED_BACK). created_at is epoch millis.
CREATE TABLE IF NOT EXISTS ${table} (
    transaction_id VARCHAR(128) NOT NULL PRIMARY KEY,
    producer_group VARCHAR(255) NOT NULL,
    state VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS ${index}_created_at ON ${table} (created_at);
