package io.mq.client.consumer;

import io.mq.client.ClientInstance;
import io.mq.client.MessageView;
import io.mq.client.MqClientException;
import io.mq.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a message the listener failed on back to the broker that stored it (CONSUMER_SEND_MSG_BACK): the broker
 * re-stores it in the group's retry topic with a delay, or in the dead-letter queue past the retry limit.
 */
final class SendBack {

    /** Delay level that sends a message straight to the dead-letter queue. */
    static final int TO_DEAD_LETTER_QUEUE = -1;

    private static final Logger log = LoggerFactory.getLogger(SendBack.class);

    private final ClientInstance client;
    private final String group;
    private final int maxReconsumeTimes;

    SendBack(ClientInstance client, String group, int maxReconsumeTimes) {
        this.client = client;
        this.group = group;
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    /** True when the broker took the message back; false (logged) when it must be retried here. */
    boolean send(MessageView message, int delayLevel) {
        try {
            var address = client.masterAddress(message.brokerName(), message.topic());
            var header = new ConsumerSendMsgBackRequestHeader(message.commitLogOffset(), group, delayLevel,
                    message.msgId(), message.topic(), false, maxReconsumeTimes);
            client.brokerApi().consumerSendMessageBack(address, header, 5000);
            return true;
        } catch (MqClientException e) {
            log.warn("sending {} back for group {} failed, it will be retried here: {}", message, group,
                    e.getMessage());
            return false;
        }
    }
}
