/**
 * Consumer idempotency: {@link io.mq.spring.dedup.MqDeduplicator} records each handled message key in the listener's
 * database transaction, so a message delivered twice changes the database once.
 */
package io.mq.spring.dedup;
