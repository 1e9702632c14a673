package io.mq.broker.schedule;

import io.mq.broker.store.TopicQueue;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The timer queue: entries fall due in any order, so every undelivered entry is kept in a min-heap by delivery time
 * (16 bytes of state each; the message is read again when it falls due). Rebuilt on start by reading the queue from
 * the lowest undelivered offset.
 */
final class TimerQueue implements HeldQueue {

    private static final int READ_PAGE = 256;

    private record Pending(long deliverAt, long offset) {
    }

    private final TopicQueue queue;
    private final DeliveredOffsets delivered;
    private final HeldReader reader;
    private final DelayRouter router;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparingLong(Pending::deliverAt).thenComparingLong(Pending::offset));
    private long scanned;

    TimerQueue(TopicQueue queue, DeliveredOffsets delivered, HeldReader reader, DelayRouter router) {
        this.queue = queue;
        this.delivered = delivered;
        this.reader = reader;
        this.router = router;
        this.scanned = delivered.low();
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
        while (scanned < reader.maxOffset(queue)) {
            var page = reader.read(queue, scanned, READ_PAGE, false);
            if (page.next() <= scanned) {
                return;
            }
            for (var message : page.messages()) {
                if (!delivered.contains(message.queueOffset())) {
                    pending.add(new Pending(router.deliverAt(message), message.queueOffset()));
                }
            }
            scanned = page.next();
        }
    }

    /** How many timer messages wait (for metrics and tests). */
    int pendingCount() {
        return pending.size();
    }

    @Override
    public long nextDueAt() {
        var head = pending.peek();
        return head == null ? Long.MAX_VALUE : head.deliverAt();
    }

    @Override
    public void takeDue(long now, int limit, List<HeldEntry> into) {
        while (into.size() < limit && !pending.isEmpty() && pending.peek().deliverAt() <= now) {
            var next = pending.poll();
            var page = reader.read(queue, next.offset(), 1, true);
            if (page.messages().isEmpty() || page.messages().get(0).queueOffset() != next.offset()) {
                delivered.add(next.offset()); // the entry is gone from the store: nothing left to deliver
                continue;
            }
            into.add(new HeldEntry(queue, next.offset(), next.deliverAt(), page.messages().get(0)));
        }
    }

    @Override
    public void giveBack(HeldEntry entry) {
        pending.add(new Pending(entry.deliverAt(), entry.offset()));
    }
}
