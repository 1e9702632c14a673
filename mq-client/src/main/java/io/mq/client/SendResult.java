package io.mq.client;

import io.mq.protocol.body.MessageQueue;

/**
 * The broker's answer to a send.
 *
 * @param msgId         the producer-made unique id (UNIQ_KEY property); comma-separated for a batch
 * @param offsetMsgId   the broker's offset id (store host + commit-log offset); comma-separated for a batch
 * @param messageQueue  where it went
 * @param queueOffset   its offset in that queue (of the first message, for a batch)
 * @param transactionId what the broker reported as transaction id (null when it sent none)
 */
public record SendResult(
        SendStatus status,
        String msgId,
        String offsetMsgId,
        MessageQueue messageQueue,
        long queueOffset,
        String transactionId) {
}
