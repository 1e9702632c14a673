package io.mq.spring.core;

/**
 * Where a message goes: {@code "topic"} or {@code "topic:tag"}, as RocketMQ's Spring integration writes it.
 *
 * @param topic the topic
 * @param tag   the tag, null when none was given
 */
public record Destination(String topic, String tag) {

    public Destination {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("destination has no topic");
        }
    }

    /** Parses {@code "topic"} or {@code "topic:tag"}. */
    public static Destination parse(String destination) {
        if (destination == null) {
            throw new IllegalArgumentException("destination is null");
        }
        int colon = destination.indexOf(':');
        if (colon < 0) {
            return new Destination(destination.trim(), null);
        }
        var tag = destination.substring(colon + 1).trim();
        return new Destination(destination.substring(0, colon).trim(), tag.isEmpty() ? null : tag);
    }
}
