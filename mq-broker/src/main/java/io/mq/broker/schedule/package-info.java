/**
 * Delayed and timed delivery: messages with a delay level wait in {@code SCHEDULE_TOPIC_XXXX} (queue L-1 for level
 * L), messages with a 5.x delivery time in {@code rmq_sys_wheel_timer}; {@link io.mq.broker.schedule.ScheduledDelivery}
 * puts each into its real topic when it falls due, exactly once across restarts and never early.
 */
package io.mq.broker.schedule;
