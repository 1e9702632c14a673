/**
 * The pull path: PULL_MESSAGE as RocketMQ 4.9.7's broker answers it. {@link io.mq.broker.processor.pull.PullProcessors}
 * registers it. A request is admitted (group, topic, queue, subscription), commits the offset it carries, reads
 * through the subscription's filter (tag hash on the consume queue; SQL92 on the stored properties) and is answered
 * with the stored records, wrapped without copying. An empty read of a suspendable request is held by topic and queue
 * until a message its filter may want arrives or its hold time (capped by the broker's longPollingMaxHold) ends; a
 * request whose connection is backed up waits for it to drain before anything is read.
 *
 * <p>Where we differ from RocketMQ: the broker is always a master (no slave redirection, suggestWhichBrokerId is
 * always 0); no broker-wide read permission check yet; no OFFSET_MOVED_EVENT messages; an expired hold is answered
 * within one sweep (50 ms) of its deadline where RocketMQ may take up to 5 s; SQL92 filters are always enabled.
 */
package io.mq.broker.processor.pull;
