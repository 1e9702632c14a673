-- Messages a consumer group has handled, written in the transaction that handled them. created_at is epoch millis.
CREATE TABLE IF NOT EXISTS ${table} (
    consumer_group VARCHAR(255) NOT NULL,
    message_key VARCHAR(255) NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (consumer_group, message_key)
);
CREATE INDEX IF NOT EXISTS ${index}_created_at ON ${table} (created_at);
