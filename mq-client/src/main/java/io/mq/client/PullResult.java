package io.mq.client;

import java.util.List;

/**
 * A pull's answer. The messages are as the broker filtered them by tag hash: a consumer still checks the tag
 * itself (hash collisions) before delivering.
 *
 * @param suggestWhichBrokerId the broker id to pull this queue from next (0 = master)
 * @param messages             empty unless {@link PullStatus#FOUND}
 */
public record PullResult(
        PullStatus status,
        long nextBeginOffset,
        long minOffset,
        long maxOffset,
        long suggestWhichBrokerId,
        List<MessageView> messages) {

    public PullResult {
        messages = List.copyOf(messages);
    }
}
