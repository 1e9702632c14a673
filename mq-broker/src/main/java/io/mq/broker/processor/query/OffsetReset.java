package io.mq.broker.processor.query;

import io.mq.protocol.body.MessageQueue;
import java.util.Map;

/**
 * The outcome of resetting a group's offsets on a topic: either the new offset of each queue (committed and sent to
 * the group's live consumers), or why nothing changed.
 */
sealed interface OffsetReset {

    /** @param offsets the new offset of each queue of the topic on this broker */
    record Done(Map<MessageQueue, Long> offsets) implements OffsetReset {
    }

    /** @param responseCode RocketMQ's code for the refusal (TOPIC_NOT_EXIST, CONSUMER_NOT_ONLINE, ...) */
    record Refused(int responseCode, String reason) implements OffsetReset {
    }
}
