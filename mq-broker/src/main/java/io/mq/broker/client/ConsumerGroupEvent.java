package io.mq.broker.client;

/** What happened to a consumer group, as RocketMQ's ConsumerGroupEvent names it. */
public enum ConsumerGroupEvent {
    /** The member set or the subscribed topics changed: tell every member so it rebalances. */
    CHANGE,
    /** The last member left: the group is gone. */
    UNREGISTER,
    /** A heartbeat registered the group (every heartbeat, as in RocketMQ). */
    REGISTER
}
