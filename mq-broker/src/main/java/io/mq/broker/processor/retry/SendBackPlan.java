package io.mq.broker.processor.retry;

import io.mq.broker.subscription.SubscriptionGroupDefinition;
import io.mq.broker.topic.TopicNames;
import io.mq.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.StoredMessage;
import java.util.LinkedHashMap;
import java.util.function.IntUnaryOperator;

/**
 * What a consumer's send-back becomes (RocketMQ's asyncConsumerSendMsgBack): the failed message again, in
 * {@code %RETRY%group} with one more reconsume time and a delay level ({@code 3 + reconsumeTimes} unless the
 * consumer asked for one), or in {@code %DLQ%group} once it was consumed as often as allowed or when the consumer
 * asked for it (a negative delay level). The original topic stays in RETRY_TOPIC, the first message's id in
 * ORIGIN_MESSAGE_ID, and body, flags, born time and host and every property are kept.
 */
record SendBackPlan(MessageDraft draft, boolean deadLetter) {

    /** RocketMQ's DLQ_NUMS_PER_GROUP. */
    static final int DLQ_QUEUE_NUMS = 1;
    /** RocketMQ starts a broker-chosen back-off at level 3 (10 s in the default table). */
    static final int FIRST_BROKER_LEVEL = 3;

    /**
     * @param failed     the message as stored, with its body
     * @param randomBelow picks a queue: a number in [0, bound)
     */
    static SendBackPlan of(StoredMessage failed, ConsumerSendMsgBackRequestHeader header,
            SubscriptionGroupDefinition group, IntUnaryOperator randomBelow) {
        int maxReconsumeTimes = header.maxReconsumeTimes() != null
                ? header.maxReconsumeTimes() : group.retryMaxTimes();
        boolean deadLetter = failed.reconsumeTimes() >= maxReconsumeTimes || header.delayLevel() < 0;
        int delayLevel = deadLetter ? 0
                : header.delayLevel() == 0 ? FIRST_BROKER_LEVEL + failed.reconsumeTimes() : header.delayLevel();

        var properties = new LinkedHashMap<>(failed.properties());
        properties.putIfAbsent(MessageProperties.RETRY_TOPIC, failed.topic());
        properties.put(MessageProperties.WAIT_STORE_MSG_OK, "false");
        properties.put(MessageProperties.DELAY_TIME_LEVEL, Integer.toString(delayLevel));
        String origin = failed.property(MessageProperties.ORIGIN_MESSAGE_ID);
        properties.put(MessageProperties.ORIGIN_MESSAGE_ID,
                origin == null || origin.isBlank() ? failed.offsetMsgId() : origin);

        String topic = deadLetter ? TopicNames.dlqTopic(header.group()) : TopicNames.retryTopic(header.group());
        int queueId = randomBelow.applyAsInt(deadLetter ? DLQ_QUEUE_NUMS : group.retryQueueNums());
        var draft = failed.toDraft().withTopic(topic).withQueueId(queueId).withProperties(properties)
                .withReconsumeTimes(failed.reconsumeTimes() + 1);
        return new SendBackPlan(draft, deadLetter);
    }
}
