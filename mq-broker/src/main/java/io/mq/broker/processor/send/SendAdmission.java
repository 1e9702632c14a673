package io.mq.broker.processor.send;

import io.mq.broker.topic.InvalidDefinitionException;
import io.mq.broker.topic.Perm;
import io.mq.broker.topic.SystemTopics;
import io.mq.broker.topic.TopicDefinition;
import io.mq.broker.topic.TopicNames;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.header.SendMessageRequestHeader;
import io.mq.protocol.remoting.ResponseCode;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks a send passes before anything touches the store, in RocketMQ's order (AbstractSendMessageProcessor
 * msgCheck) and with its response codes: broker writeable, topic name legal, topic not reserved, topic known (or
 * auto-created from the request's default topic), topic writeable, queue id in range, body within the limit.
 */
final class SendAdmission {

    private static final Logger log = LoggerFactory.getLogger(SendAdmission.class);

    private final TopicRegistry topics;
    private final BooleanSupplier brokerWritable;
    private final String brokerAddress;
    private final int maxMessageSize;

    /**
     * @param brokerWritable whether the broker accepts writes now (false while an operator drains it)
     * @param brokerAddress  named in remarks, as RocketMQ names the broker's IP
     * @param maxMessageSize largest body accepted, bytes (for a batch: the whole encoded batch)
     */
    SendAdmission(TopicRegistry topics, BooleanSupplier brokerWritable, String brokerAddress, int maxMessageSize) {
        this.topics = topics;
        this.brokerWritable = brokerWritable;
        this.brokerAddress = brokerAddress;
        this.maxMessageSize = maxMessageSize;
    }

    Admission check(SendMessageRequestHeader header, int bodyLength, String producerAddress) {
        String topic = header.topic();
        if (!brokerWritable.getAsBoolean()) {
            return new Refusal(ResponseCode.NO_PERMISSION, "the broker[" + brokerAddress
                    + "] sending message is forbidden: its permission is not writeable");
        }
        try {
            TopicNames.validateTopic(topic);
        } catch (InvalidDefinitionException e) {
            return new Refusal(ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
        }
        if (SystemTopics.isSendForbidden(topic)) {
            return new Refusal(ResponseCode.NO_PERMISSION, "Sending message to topic[" + topic
                    + "] is forbidden: it is a system topic only the broker writes");
        }
        var found = topics.get(topic).or(() -> create(header, producerAddress));
        if (found.isEmpty()) {
            return new Refusal(ResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist, apply first please! "
                    + "Create it with mqadmin updateTopic, or enable auto-creation on broker " + brokerAddress);
        }
        var definition = found.get();
        if (!definition.isWritable()) {
            return new Refusal(ResponseCode.NO_PERMISSION, "the topic[" + topic + "] sending message is forbidden: "
                    + "its permission is " + Perm.describe(definition.perm()));
        }
        // As RocketMQ: any queue that exists for reading or writing is accepted (a shrinking topic keeps both).
        int queueLimit = Math.max(definition.writeQueueNums(), definition.readQueueNums());
        if (header.queueId() >= queueLimit) {
            return new Refusal(ResponseCode.SYSTEM_ERROR, "request queueId[" + header.queueId() + "] is illegal: topic["
                    + topic + "] has " + definition.writeQueueNums() + " write and " + definition.readQueueNums()
                    + " read queues, so the queue id must be below " + queueLimit + ". Producer: " + producerAddress);
        }
        if (bodyLength > maxMessageSize) {
            return new Refusal(ResponseCode.MESSAGE_ILLEGAL, "the message body size " + bodyLength
                    + " is over the max size " + maxMessageSize);
        }
        return new Admission.Admitted(definition);
    }

    /** RocketMQ's createTopicInSendMessageMethod, then the retry-topic fallback of createTopicInSendMessageBackMethod. */
    private Optional<TopicDefinition> create(SendMessageRequestHeader header, String producerAddress) {
        String topic = header.topic();
        log.info("topic {} does not exist; producer {} asks to create it from {}", topic, producerAddress,
                header.defaultTopic());
        var created = topics.autoCreate(topic, header.defaultTopic(), header.defaultTopicQueueNums(), 0);
        if (created.isEmpty() && TopicNames.isRetryTopic(topic)) {
            return Optional.of(topics.createIfAbsent(topic, 1, Perm.READ_WRITE, 0));
        }
        return created;
    }
}
