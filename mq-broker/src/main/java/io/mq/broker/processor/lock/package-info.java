/**
 * Queue locks of ordered consumption: LOCK_BATCH_MQ and UNLOCK_BATCH_MQ over a
 * {@link io.mq.broker.processor.lock.QueueLockRegistry}. A lock lives 60 s after its last renewal (RocketMQ's
 * {@code rocketmq.broker.rebalance.lockMaxLiveTime} system property changes it); the broker keeps no lock across a
 * restart, as RocketMQ, so consumers re-lock within their 20 s renewal period.
 */
package io.mq.broker.processor.lock;
