package io.mq.client.producer;

import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.header.SendMessageRequestHeaderV2;

/**
 * A message (or batch) ready for the wire: body possibly compressed, sysFlag, properties string, unique id(s).
 * Built once per send, so retries carry the same unique id.
 *
 * @param uniqueIds the UNIQ_KEY of the message, or of each batch item joined by commas
 */
record OutgoingMessage(
        String topic,
        byte[] body,
        int sysFlag,
        int flag,
        String properties,
        String uniqueIds,
        boolean batch,
        Integer reconsumeTimes,
        Integer maxReconsumeTimes) {

    /** The V2 header as the official client fills it (5.x adds the broker name). */
    SendMessageRequestHeaderV2 header(ProducerConfig config, MessageQueue queue) {
        return new SendMessageRequestHeaderV2(config.group(), topic, config.createTopicKey(),
                config.defaultTopicQueueNums(), queue.queueId(), sysFlag, System.currentTimeMillis(), flag, properties,
                reconsumeTimes == null ? 0 : reconsumeTimes, false, maxReconsumeTimes, batch, queue.brokerName());
    }
}
