package io.mq.broker.schedule;

import io.mq.broker.store.TopicQueue;
import java.util.List;

/**
 * One schedule queue as the delivery thread sees it: what is loaded, when the next message falls due, and which
 * entries were delivered. Two shapes: a delay level (entries fall due in queue order) and the timer queue (any
 * order). Only the delivery thread touches it.
 */
sealed interface HeldQueue permits LevelQueue, TimerQueue {

    TopicQueue queue();

    DeliveredOffsets delivered();

    /** Loads entries that arrived since the last call. */
    void refill();

    /** Epoch ms when the earliest loaded entry falls due; {@link Long#MAX_VALUE} when none is loaded. */
    long nextDueAt();

    /** Moves entries due at {@code now} into {@code into}, until it holds {@code limit}. */
    void takeDue(long now, int limit, List<HeldEntry> into);

    /** An entry taken but not delivered (the store refused it for now): offer it again later. */
    void giveBack(HeldEntry entry);
}
