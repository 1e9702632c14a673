package io.mq.broker.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RocketMQ's delay levels ({@code messageDelayLevel}): level L (1-based) waits the L-th duration of the table; the
 * schedule topic has one queue per level (queue L-1). Written as RocketMQ writes it: {@code "1s 5s 10s 30s 1m ..."},
 * each a whole number followed by s, m, h or d.
 *
 * @param delays the wait of level 1, 2, ... in order
 */
public record DelayLevels(List<Duration> delays) {

    /** RocketMQ's default table: 18 levels from one second to two hours. */
    public static final String DEFAULT_TABLE = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";

    /** How the setting is named in errors: the broker's field and the app's property. */
    static final String SETTING = "messageDelayLevel (mq.broker.message-delay-level)";

    private static final Pattern ENTRY = Pattern.compile("(\\d{1,9})([smhd])");

    public DelayLevels {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException(SETTING + " must name at least one delay level");
        }
    }

    public static DelayLevels defaults() {
        return parse(DEFAULT_TABLE);
    }

    /**
     * Parses a table such as {@code "1s 5s 10s"} (entries separated by blanks). Throws IllegalArgumentException
     * naming the setting and the bad entry when the table cannot be read.
     */
    public static DelayLevels parse(String table) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException(SETTING + " is empty: give delays such as \"" + DEFAULT_TABLE + "\"");
        }
        var delays = new ArrayList<Duration>();
        for (String entry : table.trim().split("\\s+")) {
            var m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException(SETTING + " \"" + table + "\": level " + (delays.size() + 1)
                        + " \"" + entry + "\" is not a delay; write a whole number followed by s, m, h or d, e.g. 5s");
            }
            long amount = Long.parseLong(m.group(1));
            delays.add(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return new DelayLevels(delays);
    }

    /** The highest level; a message asking for more is delayed by this one (as RocketMQ caps it). */
    public int maxLevel() {
        return delays.size();
    }

    /** The level a request for {@code level} gets: at most {@link #maxLevel()}; 0 or less means no delay. */
    public int cap(int level) {
        return Math.min(level, maxLevel());
    }

    /** The wait of a level between 1 and {@link #maxLevel()}. */
    public Duration delayOf(int level) {
        if (level < 1 || level > maxLevel()) {
            throw new IllegalArgumentException("delay level " + level + " is outside 1.." + maxLevel());
        }
        return delays.get(level - 1);
    }

    /** The schedule-topic queue that holds messages of a level. */
    public static int queueIdOf(int level) {
        return level - 1;
    }

    /** The level whose messages a schedule-topic queue holds. */
    public static int levelOfQueue(int queueId) {
        return queueId + 1;
    }

    /** The table as RocketMQ writes it. */
    public String table() {
        var out = new StringBuilder();
        for (var d : delays) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            long s = d.toSeconds();
            out.append(s % 86_400 == 0 ? s / 86_400 + "d" : s % 3600 == 0 ? s / 3600 + "h"
                    : s % 60 == 0 ? s / 60 + "m" : s + "s");
        }
        return out.toString();
    }
}
