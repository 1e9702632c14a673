package io.mq.client.consumer;

import io.mq.client.MessageView;
import io.mq.protocol.message.MessageProperties;

/** Views of a message as the listener should see it again: retry messages under their real topic, counts bumped. */
final class Redelivery {

    static final String RETRY_PREFIX = "%RETRY%";

    private Redelivery() {
    }

    static String retryTopic(String group) {
        return RETRY_PREFIX + group;
    }

    /** A message pulled from the group's retry topic carries its original topic in RETRY_TOPIC: show that one. */
    static MessageView withRealTopic(MessageView m) {
        if (!m.topic().startsWith(RETRY_PREFIX)) {
            return m; // checked first: most messages are not retries, and the prefix is cheaper than the property
        }
        var real = m.property(MessageProperties.RETRY_TOPIC);
        if (real == null || real.equals(m.topic())) {
            return m;
        }
        return new MessageView(real, m.body(), m.properties(), m.msgId(), m.offsetMsgId(), m.brokerName(),
                m.queueId(), m.queueOffset(), m.commitLogOffset(), m.flag(), m.sysFlag(), m.bornTimestamp(),
                m.bornHost(), m.storeTimestamp(), m.storeHost(), m.reconsumeTimes(), m.preparedTransactionOffset());
    }

    /** The same message with one more local retry counted (orderly suspends and failed send-backs). */
    static MessageView retriedOnceMore(MessageView m) {
        return new MessageView(m.topic(), m.body(), m.properties(), m.msgId(), m.offsetMsgId(), m.brokerName(),
                m.queueId(), m.queueOffset(), m.commitLogOffset(), m.flag(), m.sysFlag(), m.bornTimestamp(),
                m.bornHost(), m.storeTimestamp(), m.storeHost(), m.reconsumeTimes() + 1,
                m.preparedTransactionOffset());
    }
}
