/**
 * Look-ups and resets for operators and admin tools: QUERY_MESSAGE by key or unique id over the store's key index,
 * INVOKE_BROKER_TO_RESET_OFFSET (commit and push RESET_CONSUMER_CLIENT_OFFSET to live consumers),
 * QUERY_CONSUME_TIME_SPAN and the GET_CONSUMER_RUNNING_INFO relay. {@link io.mq.broker.processor.query.QueryProcessors}
 * registers them.
 *
 * <p>Where we differ from RocketMQ: QUERY_MESSAGE drops hash collisions on the broker (RocketMQ leaves that to the
 * client) and does not retry with narrower time windows; a reset also commits the new offsets on the broker (RocketMQ
 * 4.9.7 leaves that to the consumer) and resets a queue the group never committed instead of refusing the group.
 */
package io.mq.broker.processor.query;
