package io.mq.broker.schedule;

import io.mq.protocol.message.MessageProperties;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The 5.x timer properties (RocketMQ MessageConst) and when they ask a message to be delivered: an absolute time
 * ({@code TIMER_DELIVER_MS}, or {@code __STARTDELIVERTIME} of the 4.x commercial clients) or a wait from the
 * send ({@code TIMER_DELAY_MS}, {@code TIMER_DELAY_SEC}).
 */
public final class TimerProperties {

    public static final String DELIVER_MS = "TIMER_DELIVER_MS";
    public static final String DELAY_MS = MessageProperties.TIMER_DELAY_MS;
    public static final String DELAY_SEC = MessageProperties.TIMER_DELAY_SEC;
    public static final String START_DELIVER_TIME = MessageProperties.START_DELIVER_TIME;
    /** Set by the broker on a message it holds: when it becomes due, epoch ms (kept on the delivered message). */
    public static final String OUT_MS = "TIMER_OUT_MS";

    private TimerProperties() {
    }

    /** Whether any property asks for timed delivery. */
    public static boolean isTimed(Map<String, String> properties) {
        return properties.containsKey(DELIVER_MS) || properties.containsKey(START_DELIVER_TIME)
                || properties.containsKey(DELAY_MS) || properties.containsKey(DELAY_SEC);
    }

    /**
     * The requested delivery time in epoch ms, relative waits counted from {@code sentAt}; empty when no timer
     * property is set. Throws IllegalArgumentException for a value that is not a whole number.
     */
    public static OptionalLong requestedDeliverAt(Map<String, String> properties, long sentAt) {
        String absolute = properties.getOrDefault(DELIVER_MS, properties.get(START_DELIVER_TIME));
        if (absolute != null) {
            return OptionalLong.of(number(absolute, DELIVER_MS));
        }
        String ms = properties.get(DELAY_MS);
        if (ms != null) {
            return OptionalLong.of(sentAt + number(ms, DELAY_MS));
        }
        String sec = properties.get(DELAY_SEC);
        if (sec != null) {
            return OptionalLong.of(sentAt + number(sec, DELAY_SEC) * 1000);
        }
        return OptionalLong.empty();
    }

    private static long number(String value, String name) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timer property " + name + "=" + value + " is not a whole number");
        }
    }
}
