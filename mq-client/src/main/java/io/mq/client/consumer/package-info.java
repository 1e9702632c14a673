/**
 * Consumers over the client core: {@link io.mq.client.consumer.MqPushConsumer} (rebalance, long-poll pull loops,
 * concurrent or orderly listeners, retries through the broker) and, in {@code pull}, the lite pull consumer.
 *
 * <p>Facts followed from the official client 4.9.7 / 5.2.0: average allocation over sorted queues and sorted client
 * ids (so our members and official ones share a group correctly); clustering consumers also read
 * {@code %RETRY%group}; the push consumer's pulls name no subscription (the broker uses the one the heartbeat
 * registered, which start() sends before the first pull) and carry the commit offset; a message pulled from the
 * retry topic shows its original topic (RETRY_TOPIC); the committed offset is the smallest offset still in process;
 * a failed concurrent batch goes back with CONSUMER_SEND_MSG_BACK (delay level 0: the broker picks 3 + retries);
 * orderly queues are locked at the broker (renewed every 20 s, trusted 30 s) and a message past the retry limit goes
 * to the dead-letter queue (send-back with level -1) so the queue moves on.
 *
 * <p>Where we differ: a new group asks for its offset with {@code setZeroIfNotFound=false}, so LAST_OFFSET and
 * TIMESTAMP mean what they say on our broker and 5.x (the official client starts at 0 while the queue is "in
 * memory"); a send-back that fails is retried locally after 5 s instead of being re-sent as a new message by a
 * producer; a pull that failed is retried after 1 s (official: 3 s); an illegal offset moves the queue to the
 * broker's next offset in place (official: drop the queue and let the next rebalance re-add it); a broadcasting
 * consumer keeps its offsets in {@code <offsetStoreDir>/<clientId>/<group>/offsets.tsv}.
 */
package io.mq.client.consumer;
