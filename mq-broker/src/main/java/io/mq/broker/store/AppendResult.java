package io.mq.broker.store;

/**
 * What an append did. For a batch: {@code msgId} lists every offset id separated by commas (as RocketMQ answers),
 * the offsets are the first message's and {@code size} covers the whole batch.
 *
 * @param msgId offset message id(s); empty when nothing was stored
 * @param queueOffset logical offset in the consume queue (0 for prepared and rollback transaction messages)
 */
public record AppendResult(
        AppendStatus status,
        String msgId,
        long physicalOffset,
        long queueOffset,
        int size,
        long storeTimestamp,
        int messageCount) {

    public static AppendResult rejected(AppendStatus status) {
        return new AppendResult(status, "", -1L, -1L, 0, 0L, 0);
    }

    public boolean isOk() {
        return status == AppendStatus.OK;
    }

    public AppendResult withStatus(AppendStatus newStatus) {
        return new AppendResult(newStatus, msgId, physicalOffset, queueOffset, size, storeTimestamp, messageCount);
    }
}
