/**
 * Consumer retries: CONSUMER_SEND_MSG_BACK puts a failed message into {@code %RETRY%group} with a growing delay, or
 * into {@code %DLQ%group} after the group's maximum. Wired by
 * {@link io.mq.broker.processor.retry.RetryProcessors#register}.
 */
package io.mq.broker.processor.retry;
