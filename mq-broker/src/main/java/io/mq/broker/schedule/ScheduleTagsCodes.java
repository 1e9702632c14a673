package io.mq.broker.schedule;

import io.mq.broker.store.TagsCodeCalculator;
import io.mq.protocol.message.StoredMessage;

/** The store's tag codes: a held message's delivery time (epoch ms, as RocketMQ keeps it), tag hashes otherwise. */
public final class ScheduleTagsCodes implements TagsCodeCalculator {

    private final DelayRouter router;

    public ScheduleTagsCodes(DelayLevels levels) {
        this.router = new DelayRouter(levels);
    }

    @Override
    public long tagsCode(StoredMessage message) {
        if (ScheduleTopics.isScheduleTopic(message.topic())) {
            try {
                return router.deliverAt(message);
            } catch (RuntimeException e) {
                return message.storeTimestamp(); // a malformed held message: due at once, release() decides
            }
        }
        return TagsCodeCalculator.tagsHash(message.tags());
    }
}
