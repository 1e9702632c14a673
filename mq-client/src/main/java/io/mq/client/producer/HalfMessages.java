package io.mq.client.producer;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.SendResult;
import io.mq.protocol.message.MessageId;
import io.mq.protocol.message.MessageProperties;

/** The half message as the local transaction sees it: what was sent, where it was stored, its transaction id. */
final class HalfMessages {

    private HalfMessages() {
    }

    static MessageView view(Message message, OutgoingMessage outgoing, SendResult sent) {
        MessageId stored = sent.offsetMsgId() == null ? null : MessageId.decode(sent.offsetMsgId());
        return new MessageView(message.topic(), message.body(), MessageProperties.decode(outgoing.properties()),
                sent.msgId(), sent.offsetMsgId(), sent.messageQueue().brokerName(), sent.messageQueue().queueId(),
                sent.queueOffset(), stored == null ? -1 : stored.commitLogOffset(), message.flag(), outgoing.sysFlag(),
                System.currentTimeMillis(), null, 0L, stored == null ? null : stored.storeHost(), 0, 0L);
    }
}
