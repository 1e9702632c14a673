package io.mq.broker.schedule;

import io.mq.broker.store.TopicQueue;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.StoredMessage;
import java.util.HashMap;
import java.util.Map;

/**
 * Closes the duplicate window after a restart. The progress file is written between batches, with the commit log's
 * end at that moment as its mark; so a message re-put but not yet counted as delivered when the broker stopped lies
 * in the commit log between the mark and the log's end at this start. Before re-putting a message that was due
 * before this start, the guard looks for its copy there, in the real queue it goes to, and, if found, counts it as
 * delivered instead of putting it twice. Each copy found excuses one message only.
 */
final class RepeatGuard {

    /** What identifies a re-put copy of a held message: the fields the release keeps as they were. */
    private record Identity(String uniqueKey, int reconsumeTimes, long bornTimestamp, int bodyCrc, int flag) {
        static Identity of(MessageDraft draft) {
            return new Identity(draft.property(MessageProperties.UNIQ_KEY),
                    draft.reconsumeTimes(), draft.bornTimestamp(), MessageCodec.bodyCrc(draft.body()), draft.flag());
        }

        static Identity of(StoredMessage stored) {
            return new Identity(stored.uniqueKey(), stored.reconsumeTimes(), stored.bornTimestamp(),
                    stored.bodyCrc(), stored.flag());
        }
    }

    private static final int SCAN_PAGE = 64;

    private final HeldReader reader;
    private final long mark;
    private final long endAtStart;
    private final long startedAt;
    /** Per real queue, the copies written between the mark and this start, counted. Scanned on first need. */
    private final Map<TopicQueue, Map<Identity, Integer>> copies = new HashMap<>();

    /**
     * @param mark       the commit-log mark of the progress file
     * @param endAtStart the commit log's end when this start recovered it
     * @param startedAt  epoch ms of this start: a message due later cannot have been delivered before it
     */
    RepeatGuard(HeldReader reader, long mark, long endAtStart, long startedAt) {
        this.reader = reader;
        this.mark = mark;
        this.endAtStart = endAtStart;
        this.startedAt = startedAt;
    }

    long mark() {
        return mark;
    }

    /** True when {@code release} (the draft for {@code entry}) was already put before this start. */
    boolean alreadyDelivered(HeldEntry entry, MessageDraft release) {
        if (entry.deliverAt() > startedAt || mark >= endAtStart) {
            return false;
        }
        var queue = new TopicQueue(release.topic(), release.queueId());
        var found = copies.computeIfAbsent(queue, this::scan);
        var identity = Identity.of(release);
        Integer count = found.get(identity);
        if (count == null) {
            return false;
        }
        if (count == 1) {
            found.remove(identity);
        } else {
            found.put(identity, count - 1);
        }
        return true;
    }

    /** Reads the real queue backwards from its end until a message older than the mark. */
    private Map<Identity, Integer> scan(TopicQueue queue) {
        var found = new HashMap<Identity, Integer>();
        long to = reader.maxOffset(queue);
        long min = reader.store().minOffset(queue.topic(), queue.queueId());
        while (to > min) {
            long from = Math.max(min, to - SCAN_PAGE);
            boolean older = false;
            for (long offset = from; offset < to; ) {
                var page = reader.read(queue, offset, (int) (to - offset), false);
                for (var message : page.messages()) {
                    if (message.queueOffset() >= to) {
                        break;
                    }
                    if (message.commitLogOffset() < mark) {
                        older = true;
                    } else if (message.commitLogOffset() < endAtStart) {
                        found.merge(Identity.of(message), 1, Integer::sum);
                    }
                }
                if (page.next() <= offset) {
                    break;
                }
                offset = page.next();
            }
            if (older) {
                break;
            }
            to = from;
        }
        return found;
    }
}
