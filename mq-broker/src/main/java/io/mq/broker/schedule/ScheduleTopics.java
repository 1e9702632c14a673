package io.mq.broker.schedule;

import io.mq.broker.topic.SystemTopics;

/** The system topics where held messages wait: one queue per delay level, and one queue for timer messages. */
public final class ScheduleTopics {

    /** RocketMQ's schedule topic: queue L-1 holds the messages of delay level L. */
    public static final String LEVELS = SystemTopics.SCHEDULE;
    /** Timer messages (5.x); RocketMQ 5 names its timer topic the same. One queue, entries in any time order. */
    public static final String TIMER = "rmq_sys_wheel_timer";
    public static final int TIMER_QUEUE_ID = 0;

    private ScheduleTopics() {
    }

    public static boolean isScheduleTopic(String topic) {
        return LEVELS.equals(topic) || TIMER.equals(topic);
    }
}
