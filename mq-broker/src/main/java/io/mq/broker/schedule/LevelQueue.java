package io.mq.broker.schedule;

import io.mq.broker.store.TopicQueue;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The queue of one delay level: every entry waits the same time, so entries fall due in queue order and only the
 * head needs watching (RocketMQ's DeliverDelayedMessageTimerTask). A small read-ahead of messages is kept in memory.
 */
final class LevelQueue implements HeldQueue {

    private static final int READ_AHEAD = 32;

    private final TopicQueue queue;
    private final DeliveredOffsets delivered;
    private final HeldReader reader;
    private final DelayRouter router;
    private final ArrayDeque<HeldEntry> loaded = new ArrayDeque<>();
    private long cursor;

    LevelQueue(TopicQueue queue, DeliveredOffsets delivered, HeldReader reader, DelayRouter router) {
        this.queue = queue;
        this.delivered = delivered;
        this.reader = reader;
        this.router = router;
        this.cursor = delivered.low();
    }

    @Override
    public TopicQueue queue() {
        return queue;
    }

    @Override
    public DeliveredOffsets delivered() {
        return delivered;
    }

    @Override
    public void refill() {
        while (loaded.isEmpty() && cursor < reader.maxOffset(queue)) {
            var page = reader.read(queue, cursor, READ_AHEAD, true);
            if (page.next() <= cursor) {
                return; // not readable yet
            }
            if (page.messages().isEmpty()) {
                delivered.raiseLowTo(page.next()); // a gap at the front: those entries are gone
            }
            for (var message : page.messages()) {
                if (!delivered.contains(message.queueOffset())) {
                    loaded.add(new HeldEntry(queue, message.queueOffset(), router.deliverAt(message), message));
                }
            }
            cursor = page.next();
        }
    }

    @Override
    public long nextDueAt() {
        var head = loaded.peek();
        return head == null ? Long.MAX_VALUE : head.deliverAt();
    }

    @Override
    public void takeDue(long now, int limit, List<HeldEntry> into) {
        while (into.size() < limit) {
            if (loaded.isEmpty()) {
                refill();
            }
            var head = loaded.peek();
            if (head == null || head.deliverAt() > now) {
                return;
            }
            into.add(loaded.poll());
        }
    }

    @Override
    public void giveBack(HeldEntry entry) {
        // Read again from the first undelivered entry; entries delivered meanwhile are skipped on the way.
        loaded.clear();
        cursor = delivered.low();
    }
}
