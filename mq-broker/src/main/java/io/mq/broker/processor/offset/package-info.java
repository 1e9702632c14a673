/**
 * Offset requests: a group's committed offsets (QUERY_CONSUMER_OFFSET, UPDATE_CONSUMER_OFFSET,
 * GET_ALL_CONSUMER_OFFSET) and a queue's bounds (GET_MAX_OFFSET, GET_MIN_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP,
 * GET_EARLIEST_MSG_STORETIME), registered by {@link io.mq.broker.processor.offset.OffsetProcessors}.
 *
 * <p>A query for a group that never committed follows RocketMQ 4.9.7: 0 when the queue starts at 0 and its first
 * message is still within 40 % of physical memory of the commit log's end (or the queue is empty), QUERY_NOT_FOUND
 * otherwise; a 5.x client's {@code setZeroIfNotFound=false} always gets QUERY_NOT_FOUND. The official clients'
 * CONSUME_FROM_* start positions depend on exactly this. A timestamp search always answers the lower boundary.
 */
package io.mq.broker.processor.offset;
