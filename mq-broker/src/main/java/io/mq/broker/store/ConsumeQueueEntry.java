package io.mq.broker.store;

/**
 * One 20-byte consume-queue entry: where a message of the queue sits in the commit log and its tag hash.
 *
 * @param logicalOffset the entry's index in its queue (the message's queue offset)
 */
public record ConsumeQueueEntry(long logicalOffset, long commitLogOffset, int size, long tagsCode) {
    public static final int SIZE = 8 + 4 + 8;
}
