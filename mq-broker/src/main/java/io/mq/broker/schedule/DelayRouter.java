package io.mq.broker.schedule;

import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.message.StoredMessage;
import io.mq.protocol.remoting.ProtocolException;
import io.mq.protocol.remoting.ResponseCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.function.LongSupplier;

/**
 * Where a delayed message waits and how it comes out again. {@link #hold} is RocketMQ's rewrite in
 * CommitLog.putMessage (a delay level sends the message to {@code SCHEDULE_TOPIC_XXXX} queue L-1) plus the 5.x timer
 * rewrite (a delivery time sends it to {@code rmq_sys_wheel_timer}); both keep the real topic and queue in
 * REAL_TOPIC / REAL_QID and every other property. {@link #release} turns a held message that is due back into a
 * message of its real topic, as ScheduleMessageService.messageTimeup does.
 */
public final class DelayRouter {

    /** RocketMQ 5's timerMaxDelaySec default: a timer further ahead is refused. */
    public static final Duration TIMER_MAX_DELAY = Duration.ofDays(3);

    private final DelayLevels levels;
    private final LongSupplier clock;

    public DelayRouter(DelayLevels levels) {
        this(levels, System::currentTimeMillis);
    }

    DelayRouter(DelayLevels levels, LongSupplier clock) {
        this.levels = levels;
        this.clock = clock;
    }

    public DelayLevels levels() {
        return levels;
    }

    /**
     * The draft to store for a message a client (or the broker) puts: held in a schedule topic when it carries a
     * delay level above 0 or a future delivery time, as it is otherwise. Prepared and rolled-back transaction
     * messages are never held (their commit is). A timer property wins over a delay level. Throws
     * {@link ProtocolException} (MESSAGE_ILLEGAL) for an unreadable DELAY or timer value, or a timer more than
     * {@link #TIMER_MAX_DELAY} ahead.
     */
    public MessageDraft hold(MessageDraft draft) {
        int type = MessageSysFlag.transactionType(draft.sysFlag());
        boolean holdable = type == MessageSysFlag.TRANSACTION_NOT_TYPE || type == MessageSysFlag.TRANSACTION_COMMIT_TYPE;
        if (!holdable || ScheduleTopics.isScheduleTopic(draft.topic())) {
            return draft;
        }
        if (TimerProperties.isTimed(draft.properties())) {
            return holdUntilTime(draft);
        }
        int level = delayLevel(draft);
        return level > 0 ? holdForLevel(draft, levels.cap(level)) : draft;
    }

    private MessageDraft holdForLevel(MessageDraft draft, int level) {
        var properties = realDestination(draft);
        properties.put(MessageProperties.DELAY_TIME_LEVEL, Integer.toString(level));
        return draft.withProperties(properties).withTopic(ScheduleTopics.LEVELS)
                .withQueueId(DelayLevels.queueIdOf(level));
    }

    private MessageDraft holdUntilTime(MessageDraft draft) {
        long now = clock.getAsLong();
        long deliverAt;
        try {
            deliverAt = TimerProperties.requestedDeliverAt(draft.properties(), now).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ResponseCode.MESSAGE_ILLEGAL, e.getMessage(), e);
        }
        if (deliverAt <= now) {
            return draft; // due already: RocketMQ 5 stores it in its topic at once
        }
        if (deliverAt - now > TIMER_MAX_DELAY.toMillis()) {
            throw new ProtocolException(ResponseCode.MESSAGE_ILLEGAL, "timer message to topic[" + draft.topic()
                    + "] asks for delivery " + (deliverAt - now) + " ms ahead; the most is " + TIMER_MAX_DELAY);
        }
        var properties = realDestination(draft);
        properties.put(TimerProperties.OUT_MS, Long.toString(deliverAt));
        return draft.withProperties(properties).withTopic(ScheduleTopics.TIMER).withQueueId(ScheduleTopics.TIMER_QUEUE_ID);
    }

    private static LinkedHashMap<String, String> realDestination(MessageDraft draft) {
        var properties = new LinkedHashMap<>(draft.properties());
        properties.put(MessageProperties.REAL_TOPIC, draft.topic());
        properties.put(MessageProperties.REAL_QUEUE_ID, Integer.toString(draft.queueId()));
        return properties;
    }

    private static int delayLevel(MessageDraft draft) {
        String value = draft.property(MessageProperties.DELAY_TIME_LEVEL);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ProtocolException(ResponseCode.MESSAGE_ILLEGAL, "the delay level DELAY=" + value
                    + " of a message to topic[" + draft.topic() + "] is not a number");
        }
    }

    /**
     * When a held message is due, epoch ms: store time plus its level's delay, or the timer's time. This is also
     * the tag code its consume-queue entry carries, as in RocketMQ.
     */
    public long deliverAt(StoredMessage held) {
        if (ScheduleTopics.TIMER.equals(held.topic())) {
            String out = held.property(TimerProperties.OUT_MS);
            return out == null ? held.storeTimestamp() : Long.parseLong(out);
        }
        String level = held.property(MessageProperties.DELAY_TIME_LEVEL);
        int l = levels.cap(level == null ? DelayLevels.levelOfQueue(held.queueId()) : Integer.parseInt(level));
        return held.storeTimestamp() + levels.delayOf(Math.max(1, l)).toMillis();
    }

    /**
     * The message to put into its real topic for a held one: same body, flags, born time and host, reconsume
     * times and properties (UNIQ_KEY too), without the delay level and timer triggers (a consumer's retry of it
     * must not wait again for the same reason). Null when the held message names no real topic.
     */
    public static MessageDraft release(StoredMessage held) {
        String topic = held.property(MessageProperties.REAL_TOPIC);
        String queueId = held.property(MessageProperties.REAL_QUEUE_ID);
        if (topic == null || queueId == null) {
            return null;
        }
        var properties = new LinkedHashMap<>(held.properties());
        properties.remove(MessageProperties.DELAY_TIME_LEVEL);
        properties.remove(TimerProperties.DELIVER_MS);
        properties.remove(TimerProperties.START_DELIVER_TIME);
        properties.remove(TimerProperties.DELAY_MS);
        properties.remove(TimerProperties.DELAY_SEC);
        return held.toDraft().withTopic(topic).withQueueId(Integer.parseInt(queueId)).withProperties(properties);
    }
}
